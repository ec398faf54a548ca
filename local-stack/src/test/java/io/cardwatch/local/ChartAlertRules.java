package io.cardwatch.local;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerts of the Helm chart's PrometheusRule, rendered for one namespace with the chart's default
 * thresholds, as a Prometheus rule file and as alert name to expression.
 */
record ChartAlertRules(List<Map<String, Object>> groups) {

    static ChartAlertRules render(Path home, String namespace) {
        String manifests = new Helm(home.resolve("helm/cardwatch")).template().withName("cardwatch")
                .withNamespace(namespace).withKubeVersion("1.33.0").set("prometheusRules.enabled", "true").call();
        Map<String, Object> rule = Arrays.stream(manifests.split("(?m)^---\\s*$"))
                .map(document -> (Object) new Yaml().load(document))
                .filter(Map.class::isInstance).map(ChartAlertRules::map)
                .filter(resource -> "PrometheusRule".equals(resource.get("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("the chart rendered no PrometheusRule"));
        return new ChartAlertRules(list(map(rule.get("spec")).get("groups")));
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, new Yaml().dump(Map.of("groups", groups)));
    }

    Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        groups.forEach(group -> list(group.get("rules"))
                .forEach(rule -> expressions.put((String) rule.get("alert"), (String) rule.get("expr"))));
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        return (List<Map<String, Object>>) node;
    }
}

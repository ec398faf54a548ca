package io.cardwatch.deployment;

import static io.cardwatch.deployment.YamlNodes.map;
import static io.cardwatch.deployment.YamlNodes.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The PrometheusRule shipped beside the dashboards: valid PromQL, runbooks that exist, thresholds from values. */
class ChartPrometheusRulesTest {

    private static final Path OPERATIONS_GUIDE = Repository.ROOT.resolve("docs/operations.md");
    private static final Pattern SELECTOR = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*\\{([^}]*)}");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *$", Pattern.MULTILINE);

    /** Each alert and its block under prometheusRules.alerts in values.yaml. */
    private static final Map<String, String> VALUES_KEYS = Map.of(
            "CardwatchScoringLag", "scoringLag",
            "CardwatchScoringStopped", "scoringStopped",
            "CardwatchStreamThreadsMissing", "streamThreadsMissing",
            "CardwatchStreamThreadFailed", "streamThreadFailed",
            "CardwatchDeadLetters", "deadLetters",
            "CardwatchSinkLag", "sinkLag",
            "CardwatchSinkRetrying", "sinkRetries",
            "CardwatchGatewayErrors", "gatewayErrors",
            "CardwatchLookupWaitersNearLimit", "lookupWaiters");

    @Test
    void isOffByDefaultSoThatTheChartInstallsWithoutTheOperatorsCrds() {
        assertThat(ChartRendering.withDefaultValues().kindsAndNames())
                .noneMatch(name -> name.startsWith("PrometheusRule/"));
    }

    @Test
    void productionValuesShipItForKubePrometheusStack() {
        GenericKubernetesResource rule = ChartRendering.withProductionValues().custom("PrometheusRule", "rel-cardwatch");

        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack")
                .containsEntry("app.kubernetes.io/component", "alerts");
        assertThat(groups(rule)).extracting(group -> group.get("name"))
                .containsExactly("cardwatch-scoring", "cardwatch-sink", "cardwatch-gateway");
        assertThat(alerts(rule).keySet()).containsExactlyInAnyOrderElementsOf(VALUES_KEYS.keySet());
    }

    @Test
    void promtoolAcceptsEveryGroup(@TempDir Path workDir) throws Exception {
        // given the rule groups as a Prometheus rule file
        GenericKubernetesResource rule = ChartRendering.withProductionValues().custom("PrometheusRule", "rel-cardwatch");
        Path rules = Files.writeString(workDir.resolve("cardwatch-rules.yaml"),
                new Yaml().dump(Map.of("groups", groups(rule))));

        // when
        PromtoolResult check = checkRules(rules);

        // then
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 9 rules found");
    }

    @Test
    void everyAlertHasASeveritySummaryDescriptionAndARunbookSectionOfTheOperationsGuide() {
        Set<String> anchors = anchors(Repository.read(OPERATIONS_GUIDE));

        alerts(ChartRendering.withProductionValues().custom("PrometheusRule", "rel-cardwatch")).forEach((name, alert) -> {
            Map<String, Object> labels = map(alert.get("labels"));
            Map<String, Object> annotations = map(alert.get("annotations"));
            assertThat(labels.get("severity")).as(name).isIn("critical", "warning");
            assertThat(annotations.keySet()).as(name)
                    .containsExactlyInAnyOrder("summary", "description", "runbook_url");
            assertThat((String) annotations.get("summary")).as(name).isNotBlank();
            assertThat((String) annotations.get("description")).as(name).isNotBlank();
            assertThat(annotations.get("runbook_url")).as(name)
                    .isEqualTo("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(anchors).as("anchors of docs/operations.md").contains(name.toLowerCase(Locale.ROOT));
        });
    }

    @Test
    void everySelectorIsScopedToTheServiceAndTheReleaseNamespace() {
        alerts(ChartRendering.withProductionValues().custom("PrometheusRule", "rel-cardwatch")).forEach((name, alert) -> {
            Matcher selectors = SELECTOR.matcher((String) alert.get("expr"));
            int count = 0;
            while (selectors.find()) {
                count++;
                assertThat(selectors.group(1)).as(name)
                        .containsPattern("^job=\"(fraud-detector|ingest-gateway)\", namespace=\"fraud\"");
            }
            assertThat(count).as("selectors of %s", name).isPositive();
        });
    }

    @Test
    void thresholdsDurationsAndSeveritiesComeFromValues(@TempDir Path workDir) throws IOException {
        // given
        Path values = Files.writeString(workDir.resolve("alerts.yaml"), """
                prometheusRules:
                  enabled: true
                  runbookUrl: https://wiki.example.com/cardwatch/operations
                  alerts:
                    scoringLag: {threshold: 1234, for: 7m, severity: warning}
                    sinkLag: {threshold: 4321}
                    deadLetters: {window: 30m}
                    sinkRetries: {threshold: 3}
                    gatewayErrors: {ratio: 0.05}
                    lookupWaiters: {ratio: 0.5}
                detector:
                  numStreamThreads: 4
                """);

        // when
        Map<String, Map<String, Object>> alerts = alerts(ChartRendering.render(Repository.CHART, values, Map.of())
                .custom("PrometheusRule", "rel-cardwatch"));

        // then
        assertThat((String) alerts.get("CardwatchScoringLag").get("expr")).endsWith(" > 1234");
        assertThat(alerts.get("CardwatchScoringLag").get("for")).isEqualTo("7m");
        assertThat(map(alerts.get("CardwatchScoringLag").get("labels"))).containsEntry("severity", "warning");
        assertThat((String) alerts.get("CardwatchSinkLag").get("expr")).endsWith(" > 4321");
        assertThat((String) alerts.get("CardwatchDeadLetters").get("expr")).contains("}[30m]))");
        assertThat((String) alerts.get("CardwatchSinkRetrying").get("expr")).endsWith(" > 3");
        assertThat((String) alerts.get("CardwatchGatewayErrors").get("expr")).endsWith(" > 0.05");
        assertThat(map(alerts.get("CardwatchGatewayErrors").get("annotations")).get("description"))
                .asString().contains("(more than 5%)");
        assertThat((String) alerts.get("CardwatchLookupWaitersNearLimit").get("expr")).endsWith(" > 0.5");
        assertThat((String) alerts.get("CardwatchStreamThreadsMissing").get("expr")).endsWith(" < 4");
        assertThat(map(alerts.get("CardwatchSinkLag").get("annotations")))
                .containsEntry("runbook_url", "https://wiki.example.com/cardwatch/operations#cardwatchsinklag");
    }

    @Test
    void everyAlertTakesItsThresholdWindowForAndSeverityFromTheDefaultValues() {
        Map<String, Object> defaults = map(map(map(new Yaml().<Map<String, Object>>load(
                Repository.read(Repository.CHART.resolve("values.yaml")))).get("prometheusRules")).get("alerts"));

        alerts(ChartRendering.withProductionValues().custom("PrometheusRule", "rel-cardwatch")).forEach((name, alert) -> {
            Map<String, Object> values = map(defaults.get(VALUES_KEYS.get(name)));
            assertThat(alert.get("for")).as(name).isEqualTo(values.get("for"));
            assertThat(map(alert.get("labels")).get("severity")).as(name).isEqualTo(values.get("severity"));
            if (values.containsKey("window")) {
                assertThat((String) alert.get("expr")).as(name).contains("[" + values.get("window") + "]");
            }
            if (values.containsKey("threshold")) {
                assertThat((String) alert.get("expr")).as(name).endsWith(" > " + values.get("threshold"));
            }
            if (values.containsKey("ratio")) {
                assertThat((String) alert.get("expr")).as(name).endsWith(" > " + values.get("ratio"));
            }
        });
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(String markdown) {
        return HEADING.matcher(markdown).results()
                .map(heading -> heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> groups(GenericKubernetesResource rule) {
        return list(map(rule.getAdditionalProperties().get("spec")).get("groups"));
    }

    private static Map<String, Map<String, Object>> alerts(GenericKubernetesResource rule) {
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        for (Map<String, Object> group : groups(rule)) {
            for (Map<String, Object> alert : list(group.get("rules"))) {
                assertThat(alerts.put((String) alert.get("alert"), alert)).as("alert %s twice", alert.get("alert"))
                        .isNull();
            }
        }
        return alerts;
    }

    /** {@code promtool check rules}, from the Prometheus package the dashboard test also installs. */
    private static PromtoolResult checkRules(Path file) throws IOException, InterruptedException {
        Process installer = new ProcessBuilder(Repository.ROOT.resolve("deploy/observability/ensure-prometheus.sh")
                .toString()).inheritIO().start();
        assertThat(installer.waitFor()).as("Prometheus's tools are installed (see the message above)").isZero();
        Process promtool = new ProcessBuilder("promtool", "check", "rules", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new PromtoolResult(promtool.waitFor(), output);
    }

    private record PromtoolResult(int exitCode, String output) {
    }
}

package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ChartLintTest {

    @Test
    void defaultValuesPassStrictLint() {
        LintResult lint = new Helm(Repository.CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void productionValuesPassStrictLint(@TempDir Path workDir) throws IOException {
        // given a copy of the chart whose values.yaml is the defaults overlaid with the production file
        Path chart = Repository.copyOfChart(workDir.resolve("cardwatch"));
        Files.writeString(chart.resolve("values.yaml"), new Yaml().dump(merged(
                load(Repository.CHART.resolve("values.yaml")), load(Repository.PRODUCTION_VALUES))));

        // when
        LintResult lint = new Helm(chart).lint().strict().call();

        // then
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    private static Map<String, Object> load(Path file) {
        return new Yaml().load(Repository.read(file));
    }

    /** Helm's own rule: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && result.get(key) instanceof Map<?, ?> baseMap) {
                result.put(key, merged((Map<String, Object>) baseMap, (Map<String, Object>) map));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }
}

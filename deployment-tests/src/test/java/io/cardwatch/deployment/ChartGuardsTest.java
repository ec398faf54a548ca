package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values the chart refuses, files it picks up, and manifests the strict model refuses. */
class ChartGuardsTest {

    @Test
    void refusesMoreDetectorsThanPartitions() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of(
                "detector.autoscaling.enabled", true, "detector.autoscaling.maxReplicas", 7)))
                .hasMessageContaining("detector.autoscaling.maxReplicas (7) exceeds kafka.partitions (6)");
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of("detector.replicas", 8)))
                .hasMessageContaining("detector.replicas (8) exceeds kafka.partitions (6)");
    }

    @Test
    void schemaRefusesUnknownKeysAndWrongTypes() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of("gateway.replica", 3)))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of("kafka.auth.mode", "sasl")))
                .hasMessageContaining("mode");
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of("gateway.port", "http")))
                .hasMessageContaining("port");
    }

    @Test
    void scramNeedsTheSecretItReadsCredentialsFrom() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of(
                "kafka.auth.mode", "scram", "kafka.auth.scram.existingSecret", "")))
                .hasMessageContaining("kafka.auth.scram.existingSecret is required with kafka.auth.mode=scram");
    }

    @Test
    void shipsEveryDashboardAsAConfigMapForTheGrafanaSidecar(@TempDir Path workDir) throws IOException {
        // given a chart with one dashboard
        Path chart = Repository.copyOfChart(workDir.resolve("cardwatch"));
        Files.writeString(chart.resolve("dashboards/decisions.json"), "{\"title\": \"Decisions\"}\n");

        // when
        Manifests manifests = ChartRendering.render(chart, null, Map.of());

        // then
        ConfigMap dashboard = manifests.one(ConfigMap.class, "rel-cardwatch-dashboard-decisions");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData()).isEqualTo(Map.of("decisions.json", "{\"title\": \"Decisions\"}"));
    }

    @Test
    void strictModelRefusesUnknownFields() {
        String manifest = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: gateway
                spec:
                  ports:
                    - port: 80
                      targetPorts: http
                """;

        assertThatThrownBy(() -> new StrictKubernetesModel().parse(manifest))
                .hasMessage("unknown fields [targetPorts] at Service gateway.spec.ports[0]");
    }

    @Test
    void strictModelRefusesANumberWhereTheApiWantsAString() {
        String manifest = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: gateway
                spec:
                  containers:
                    - name: gateway
                      env:
                        - name: MICRONAUT_SERVER_PORT
                          value: 8080
                """;

        assertThatThrownBy(() -> new StrictKubernetesModel().parse(manifest))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot coerce Integer value (8080) to `java.lang.String` value");
    }
}

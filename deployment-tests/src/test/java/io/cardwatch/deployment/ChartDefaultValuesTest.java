package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static io.cardwatch.deployment.ChartWorkloadsTest.env;
import static io.cardwatch.deployment.ChartWorkloadsTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartDefaultValuesTest {

    private final Manifests manifests = ChartRendering.withDefaultValues();

    @Test
    void rendersExactlyTheCoreResourcesAndTheShippedDashboards() {
        assertThat(manifests.kindsAndNames()).containsExactly(
                "ConfigMap/rel-cardwatch-dashboard-cardwatch-fraud-operations",
                "ConfigMap/rel-cardwatch-dashboard-cardwatch-pipeline",
                "ConfigMap/rel-cardwatch-dashboard-cardwatch-sink",
                "Deployment/rel-cardwatch-console",
                "Deployment/rel-cardwatch-detector",
                "Deployment/rel-cardwatch-gateway",
                "HorizontalPodAutoscaler/rel-cardwatch-gateway",
                "NetworkPolicy/rel-cardwatch-console",
                "NetworkPolicy/rel-cardwatch-detector",
                "NetworkPolicy/rel-cardwatch-gateway",
                "PodDisruptionBudget/rel-cardwatch-console",
                "PodDisruptionBudget/rel-cardwatch-detector",
                "PodDisruptionBudget/rel-cardwatch-gateway",
                "Secret/rel-cardwatch-console-config",
                "Service/rel-cardwatch-console",
                "Service/rel-cardwatch-detector",
                "Service/rel-cardwatch-gateway",
                "ServiceAccount/rel-cardwatch-console",
                "ServiceAccount/rel-cardwatch-detector",
                "ServiceAccount/rel-cardwatch-gateway");
    }

    @Test
    void imagesAreTheJibImagesAtTheChartAppVersion() {
        assertThat(container(manifests, "rel-cardwatch-gateway").getImage())
                .isEqualTo(ServiceModule.GATEWAY.jibImage())
                .isEqualTo("cardwatch/ingest-gateway:0.1.0-SNAPSHOT");
        assertThat(container(manifests, "rel-cardwatch-detector").getImage())
                .isEqualTo(ServiceModule.DETECTOR.jibImage())
                .isEqualTo("cardwatch/fraud-detector:0.1.0-SNAPSHOT");
        assertThat(container(manifests, "rel-cardwatch-console").getImage())
                .isEqualTo(ServiceModule.CONSOLE.jibImage())
                .isEqualTo("cardwatch/review-console:0.1.0-SNAPSHOT");
    }

    @Test
    void gatewayScalesOnCpuAndDetectorAndConsoleRunAFixedCount() {
        HorizontalPodAutoscaler autoscaler = manifests.one(HorizontalPodAutoscaler.class, "rel-cardwatch-gateway");

        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("rel-cardwatch-gateway");
        assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(manifests.one(Deployment.class, "rel-cardwatch-gateway").getSpec().getReplicas()).isNull();
        assertThat(manifests.one(Deployment.class, "rel-cardwatch-detector").getSpec().getReplicas()).isEqualTo(2);
        assertThat(manifests.one(Deployment.class, "rel-cardwatch-console").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void detectorKeepsStreamsStateInAWritableEmptyDir() {
        Container detector = container(manifests, "rel-cardwatch-detector");
        Volume state = pod(manifests, "rel-cardwatch-detector").getVolumes().stream()
                .filter(volume -> volume.getName().equals("streams-state"))
                .findFirst()
                .orElseThrow();

        assertThat(env(detector, "KAFKA_STREAMS_DEFAULT_STATE_DIR")).isEqualTo("/var/lib/cardwatch/streams");
        assertThat(detector.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("streams-state");
            assertThat(mount.getMountPath()).isEqualTo("/var/lib/cardwatch/streams");
        });
        assertThat(state.getEmptyDir().getSizeLimit().toString()).isEqualTo("2Gi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rel-cardwatch-detector", "rel-cardwatch-console"})
    void detectorAndConsoleReadDatabaseCredentialsFromASecret(String workload) {
        Container container = container(manifests, workload);

        assertThat(env(container, "DATASOURCES_DEFAULT_URL"))
                .isEqualTo("jdbc:aws-wrapper:postgresql://postgres:5432/cardwatch");
        assertThat(container.getEnv()).filteredOn(variable -> variable.getName().startsWith("DATASOURCES_DEFAULT_PASS"))
                .singleElement()
                .satisfies(variable -> {
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("cardwatch-database");
                    assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
                });
    }

    @Test
    void kafkaIsPlaintextAndOpenTelemetryIsOff() {
        Container gateway = container(manifests, "rel-cardwatch-gateway");

        assertThat(env(gateway, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(gateway.getEnv()).extracting("name")
                .doesNotContain("KAFKA_SECURITY_PROTOCOL", "OTEL_EXPORTER_OTLP_ENDPOINT");
    }
}

package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static io.cardwatch.deployment.ChartWorkloadsTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Kafka and database authentication modes the production file does not use. */
class ChartAuthModesTest {

    @Test
    void scramReadsCredentialsFromTheSecretIntoTheJaasConfig() {
        Manifests manifests = ChartRendering.render(Repository.CHART, null, Map.of(
                "kafka.auth.mode", "scram", "detector.autoscaling.enabled", true));
        Container gateway = container(manifests, "rel-cardwatch-gateway");

        assertThat(env(gateway, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
        assertThat(env(gateway, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        assertThat(env(gateway, "KAFKA_SASL_JAAS_CONFIG")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"$(CARDWATCH_KAFKA_SCRAM_USERNAME)\" password=\"$(CARDWATCH_KAFKA_SCRAM_PASSWORD)\";");
        assertThat(gateway.getEnv()).filteredOn(variable -> variable.getName().startsWith("CARDWATCH_KAFKA_SCRAM_"))
                .extracting(variable -> variable.getValueFrom().getSecretKeyRef().getName() + "/"
                        + variable.getValueFrom().getSecretKeyRef().getKey())
                .containsExactly("cardwatch-kafka/username", "cardwatch-kafka/password");
        assertThat(spec(manifests.custom("TriggerAuthentication", "rel-cardwatch-detector")).get("secretTargetRef"))
                .isEqualTo(List.of(
                        Map.of("parameter", "username", "name", "cardwatch-kafka", "key", "username"),
                        Map.of("parameter", "password", "name", "cardwatch-kafka", "key", "password")));
    }

    @Test
    void tlsNeedsNoCredentials() {
        Manifests manifests = ChartRendering.render(Repository.CHART, null, Map.of(
                "kafka.auth.mode", "tls", "detector.autoscaling.enabled", true));

        assertThat(env(container(manifests, "rel-cardwatch-detector"), "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SSL");
        assertThat(manifests.kindsAndNames()).contains("ScaledObject/rel-cardwatch-detector")
                .doesNotContain("TriggerAuthentication/rel-cardwatch-detector");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rel-cardwatch-detector", "rel-cardwatch-console"})
    void auroraIamAuthenticationAddsTheWrapperPluginAndDropsThePassword(String workload) {
        Manifests manifests = ChartRendering.render(Repository.CHART, null, Map.of("database.auth.mode", "iam"));
        Container container = container(manifests, workload);

        assertThat(env(container, "JAVA_TOOL_OPTIONS")).isEqualTo(
                "-XX:MaxRAMPercentage=50 -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=64m"
                        + " -Ddatasources.default.data-source-properties.wrapperPlugins=iam,failover2,efm2");
        assertThat(env(container, "DATASOURCES_DEFAULT_USERNAME")).isEqualTo("cardwatch");
        assertThat(container.getEnv()).extracting("name").doesNotContain("DATASOURCES_DEFAULT_PASSWORD");
        assertThat(manifests.one(NetworkPolicy.class, workload).getSpec().getEgress())
                .anySatisfy(rule -> assertThat(rule.getPorts()).singleElement()
                        .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(443)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}

package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static io.cardwatch.deployment.ChartWorkloadsTest.env;
import static io.cardwatch.deployment.ChartWorkloadsTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartProductionValuesTest {

    private final Manifests manifests = ChartRendering.withProductionValues();

    @Test
    void rendersIngressesAndLagScalingOnTopOfTheCoreResources() {
        assertThat(manifests.kindsAndNames()).contains(
                "Ingress/rel-cardwatch-console",
                "Ingress/rel-cardwatch-gateway",
                "ScaledObject/rel-cardwatch-detector",
                "TriggerAuthentication/rel-cardwatch-detector");
        assertThat(manifests.one(Deployment.class, "rel-cardwatch-detector").getSpec().getReplicas()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rel-cardwatch-gateway", "rel-cardwatch-detector", "rel-cardwatch-console"})
    void runsOnlyOnArm64NodesSpreadStrictlyOverZones(String workload) {
        PodSpec pod = pod(manifests, workload);

        assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms()).singleElement().satisfies(term -> assertThat(term.getMatchExpressions())
                .singleElement().satisfies(expression -> {
                    assertThat(expression.getKey()).isEqualTo("kubernetes.io/arch");
                    assertThat(expression.getOperator()).isEqualTo("In");
                    assertThat(expression.getValues()).containsExactly("arm64");
                }));
        assertThat(pod.getTolerations()).singleElement().satisfies(toleration -> {
            assertThat(toleration.getKey()).isEqualTo("cardwatch.io/dedicated");
            assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(pod.getTopologySpreadConstraints().get(0).getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
    }

    @Test
    void eachServiceAssumesItsOwnIamRole() {
        assertThat(manifests.one(ServiceAccount.class, "rel-cardwatch-gateway").getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/cardwatch-gateway");
        assertThat(manifests.one(ServiceAccount.class, "rel-cardwatch-detector").getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/cardwatch-detector");
        assertThat(manifests.one(ServiceAccount.class, "rel-cardwatch-console").getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/cardwatch-console");
        assertThat(pod(manifests, "rel-cardwatch-detector").getServiceAccountName())
                .isEqualTo("rel-cardwatch-detector");
        assertThat(pod(manifests, "rel-cardwatch-console").getServiceAccountName())
                .isEqualTo("rel-cardwatch-console");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rel-cardwatch-gateway", "rel-cardwatch-detector", "rel-cardwatch-console"})
    void talksToMskWithIamOverTls(String workload) {
        Container container = container(manifests, workload);

        assertThat(env(container, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
        assertThat(env(container, "KAFKA_SASL_MECHANISM")).isEqualTo("AWS_MSK_IAM");
        assertThat(env(container, "KAFKA_SASL_JAAS_CONFIG"))
                .isEqualTo("software.amazon.msk.auth.iam.IAMLoginModule required;");
        assertThat(env(container, "KAFKA_SASL_CLIENT_CALLBACK_HANDLER_CLASS"))
                .isEqualTo("software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }

    @Test
    void detectorUsesTheAuroraClusterEndpointWithSecretCredentials() {
        Container detector = container(manifests, "rel-cardwatch-detector");

        assertThat(env(detector, "DATASOURCES_DEFAULT_URL")).isEqualTo(
                "jdbc:aws-wrapper:postgresql://cardwatch.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com:5432/cardwatch");
        assertThat(secretReferences(detector))
                .containsExactly("CARDWATCH_QUERY_TOKENS<-cardwatch-detector-query/accepted-tokens",
                        "DATASOURCES_DEFAULT_USERNAME<-cardwatch-aurora/username",
                        "DATASOURCES_DEFAULT_PASSWORD<-cardwatch-aurora/password");
    }

    @Test
    void consoleUsesTheAuroraClusterAndTakesItsSigningKeyAndClientSecretFromSecrets() {
        Container console = container(manifests, "rel-cardwatch-console");

        assertThat(env(console, "DATASOURCES_DEFAULT_URL")).isEqualTo(
                "jdbc:aws-wrapper:postgresql://cardwatch.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com:5432/cardwatch");
        assertThat(secretReferences(console)).containsExactly(
                "CARDWATCH_REVIEW_DETECTOR_TOKEN<-cardwatch-detector-query/console-token",
                "CARDWATCH_REVIEW_SIGNING_SECRET<-cardwatch-console-auth/signing-secret",
                "CARDWATCH_REVIEW_OIDC_CLIENT_SECRET<-cardwatch-console-oidc/client-secret",
                "DATASOURCES_DEFAULT_USERNAME<-cardwatch-aurora/username",
                "DATASOURCES_DEFAULT_PASSWORD<-cardwatch-aurora/password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rel-cardwatch-gateway", "rel-cardwatch-detector", "rel-cardwatch-console"})
    void exportsTelemetryToTheCollector(String workload) {
        Container container = container(manifests, workload);

        assertThat(env(container, "OTEL_TRACES_EXPORTER")).isEqualTo("otlp");
        assertThat(env(container, "OTEL_EXPORTER_OTLP_ENDPOINT"))
                .isEqualTo("http://opentelemetry-collector.observability:4318");
        assertThat(env(container, "OTEL_SERVICE_NAME")).isEqualTo(container.getName());
        assertThat(env(container, "OTEL_RESOURCE_ATTRIBUTES")).contains("k8s.namespace.name=fraud");
    }

    @Test
    void detectorScalesOnLagOfItsOwnGroupUpToThePartitionCount() {
        Map<String, Object> spec = spec(manifests.custom("ScaledObject", "rel-cardwatch-detector"));
        Map<String, Object> trigger = firstTrigger(spec);

        assertThat(spec).containsEntry("minReplicaCount", 3).containsEntry("maxReplicaCount", 12);
        assertThat(trigger).containsEntry("type", "kafka");
        assertThat(metadata(trigger))
                .containsEntry("consumerGroup", "cardwatch-fraud-detector")
                .containsEntry("topic", Topics.TRANSACTIONS.name())
                .containsEntry("lagThreshold", "5000")
                .containsEntry("allowIdleConsumers", "false")
                .containsEntry("sasl", "aws_msk_iam")
                .containsEntry("awsRegion", "eu-west-1");
        assertThat(spec(manifests.custom("TriggerAuthentication", "rel-cardwatch-detector")))
                .isEqualTo(Map.of("podIdentity", Map.of("provider", "aws", "identityOwner", "workload")));
    }

    @Test
    void ingressRoutesTransactionsToTheGatewayThroughAnInternalAlb() {
        Ingress ingress = manifests.one(Ingress.class, "rel-cardwatch-gateway");

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("alb");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("alb.ingress.kubernetes.io/scheme", "internal");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("cardwatch.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/v1");
                assertThat(path.getBackend().getService().getName()).isEqualTo("rel-cardwatch-gateway");
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
    }

    @Test
    void ingressRoutesTheConsolesOwnHostToItThroughAnInternalAlb() {
        Ingress ingress = manifests.one(Ingress.class, "rel-cardwatch-console");

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("alb");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("alb.ingress.kubernetes.io/scheme", "internal")
                .containsEntry("alb.ingress.kubernetes.io/healthcheck-path", "/health/readiness");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("review.cardwatch.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getPathType()).isEqualTo("Prefix");
                assertThat(path.getBackend().getService().getName()).isEqualTo("rel-cardwatch-console");
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
    }

    private static List<String> secretReferences(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                .map(variable -> variable.getName() + "<-" + variable.getValueFrom().getSecretKeyRef().getName()
                        + "/" + variable.getValueFrom().getSecretKeyRef().getKey())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstTrigger(Map<String, Object> spec) {
        return ((List<Map<String, Object>>) spec.get("triggers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> trigger) {
        return (Map<String, Object>) trigger.get("metadata");
    }
}

package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every rendering must hold for every workload, with default and with production values. */
class ChartWorkloadsTest {

    static Stream<Arguments> renderings() {
        Manifests defaults = ChartRendering.withDefaultValues();
        Manifests production = ChartRendering.withProductionValues();
        return Stream.of(
                Arguments.of("default", defaults, "rel-cardwatch-gateway"),
                Arguments.of("default", defaults, "rel-cardwatch-detector"),
                Arguments.of("default", defaults, "rel-cardwatch-console"),
                Arguments.of("production", production, "rel-cardwatch-gateway"),
                Arguments.of("production", production, "rel-cardwatch-detector"),
                Arguments.of("production", production, "rel-cardwatch-console"));
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void probesUseMicronautLivenessAndReadiness(String values, Manifests manifests, String workload) {
        Container container = container(manifests, workload);

        assertThat(httpPath(container.getStartupProbe())).isEqualTo("/health/liveness");
        assertThat(httpPath(container.getLivenessProbe())).isEqualTo("/health/liveness");
        assertThat(httpPath(container.getReadinessProbe())).isEqualTo("/health/readiness");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void runsAsNonRootOnReadOnlyRootFilesystemWithoutPrivileges(String values, Manifests manifests,
                                                                 String workload) {
        PodSpec pod = pod(manifests, workload);
        Container container = container(manifests, workload);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getPrivileged()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void requestsCpuAndMemoryAndCapsMemory(String values, Manifests manifests, String workload) {
        Map<String, Quantity> requests = container(manifests, workload).getResources().getRequests();
        Map<String, Quantity> limits = container(manifests, workload).getResources().getLimits();

        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsOnlyKeys("memory");
        assertThat(limits.get("memory")).isEqualTo(requests.get("memory"));
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void spreadsPodsAcrossZonesAndNodes(String values, Manifests manifests, String workload) {
        Deployment deployment = manifests.one(Deployment.class, workload);
        List<TopologySpreadConstraint> spread = deployment.getSpec().getTemplate().getSpec()
                .getTopologySpreadConstraints();

        assertThat(spread).extracting(TopologySpreadConstraint::getTopologyKey)
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        assertThat(spread).allSatisfy(constraint -> assertThat(constraint.getLabelSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels()));
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void disruptionBudgetLetsOnlyOnePodGoAtATime(String values, Manifests manifests, String workload) {
        PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class, workload);

        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(selector(manifests, workload));
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void networkPolicyDeniesAllButListedTraffic(String values, Manifests manifests, String workload) {
        NetworkPolicy policy = manifests.one(NetworkPolicy.class, workload);

        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(selector(manifests, workload));
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).hasSize(2);
        assertThat(policy.getSpec().getIngress().get(0).getPorts())
                .singleElement().satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
        assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts())
                .anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void servesPrometheusMetricsOnTheMetricsPortToTheMonitoringPeersOnly(String values, Manifests manifests,
                                                                        String workload) {
        Container container = container(manifests, workload);
        NetworkPolicyIngressRule scrapes = manifests.one(NetworkPolicy.class, workload).getSpec().getIngress().get(1);

        assertThat(container.getPorts()).filteredOn(port -> "metrics".equals(port.getName())).singleElement()
                .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(9464));
        assertThat(env(container, "OTEL_EXPORTER_PROMETHEUS_PORT")).isEqualTo("9464");
        assertThat(scrapes.getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("metrics"));
        if (values.equals("production")) {
            assertThat(scrapes.getFrom()).singleElement().satisfies(peer -> assertThat(
                    peer.getNamespaceSelector().getMatchLabels())
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring")));
        } else {
            assertThat(scrapes.getFrom()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void podsAreLabelledWithTheServiceTheirMetricsComeFrom(String values, Manifests manifests, String workload) {
        Map<String, String> podLabels = manifests.one(Deployment.class, workload).getSpec().getTemplate()
                .getMetadata().getLabels();

        assertThat(podLabels).containsEntry("cardwatch.io/service", container(manifests, workload).getName());
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("renderings")
    void serverPortMatchesContainerPort(String values, Manifests manifests, String workload) {
        Container container = container(manifests, workload);
        int containerPort = container.getPorts().get(0).getContainerPort();

        assertThat(env(container, "MICRONAUT_SERVER_PORT")).isEqualTo(String.valueOf(containerPort));
        assertThat(containerPort).isEqualTo(Map.of("rel-cardwatch-gateway", 8080, "rel-cardwatch-detector", 8081,
                "rel-cardwatch-console", 8082).get(workload));
    }

    static PodSpec pod(Manifests manifests, String workload) {
        return manifests.one(Deployment.class, workload).getSpec().getTemplate().getSpec();
    }

    static Container container(Manifests manifests, String workload) {
        return pod(manifests, workload).getContainers().get(0);
    }

    static String env(Container container, String name) {
        return container.getEnv().stream()
                .filter(variable -> variable.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + container.getName()));
    }

    private static Map<String, String> selector(Manifests manifests, String workload) {
        return manifests.one(Deployment.class, workload).getSpec().getSelector().getMatchLabels();
    }

    private static String httpPath(Probe probe) {
        return probe.getHttpGet().getPath();
    }
}

package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static io.cardwatch.deployment.ChartWorkloadsTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detector's Kafka Streams client as the chart runs it: standbys, its advertised address, its memory, its probes. */
class ChartDetectorStreamsTest {

    private static final String DETECTOR = "rel-cardwatch-detector";
    private static final Map<String, String> DETECTOR_PODS = Map.of("app.kubernetes.io/name", "cardwatch",
            "app.kubernetes.io/instance", "rel", "app.kubernetes.io/component", "detector");

    @ParameterizedTest(name = "replicas {0}, autoscaling {1} up to {2}, standbyReplicas {3}: {4} standbys")
    @CsvSource({
            "1, false, 6, , 0",
            "2, false, 6, , 1",
            "3, false, 6, , 1",
            "1, true, 1, , 0",
            "1, true, 4, , 1",
            "3, false, 6, 2, 2",
            "2, false, 6, 0, 0"})
    void keepsAStandbyOfEveryTaskWheneverMoreThanOnePodCanRun(int replicas, boolean autoscaling, int maxReplicas,
                                                               Integer standbyReplicas, String standbys) {
        // given
        Map<String, Object> values = new HashMap<>(Map.of("detector.replicas", replicas,
                "detector.autoscaling.enabled", autoscaling, "detector.autoscaling.minReplicas", 1,
                "detector.autoscaling.maxReplicas", maxReplicas));
        if (standbyReplicas != null) {
            values.put("detector.standbyReplicas", standbyReplicas);
        }

        // when
        Container detector = container(ChartRendering.render(Repository.CHART, null, values), DETECTOR);

        // then
        assertThat(env(detector, "KAFKA_STREAMS_DEFAULT_NUM_STANDBY_REPLICAS")).isEqualTo(standbys);
    }

    @Test
    void productionKeepsOneStandby() {
        assertThat(env(container(ChartRendering.withProductionValues(), DETECTOR),
                "KAFKA_STREAMS_DEFAULT_NUM_STANDBY_REPLICAS")).isEqualTo("1");
    }

    @ParameterizedTest(name = "detector.port {0}")
    @CsvSource({"8081", "9000"})
    void advertisesThePodIpAndItsHttpPortToTheOtherPods(int port) {
        // given
        Container detector = container(ChartRendering.render(Repository.CHART, null, Map.of("detector.port", port)),
                DETECTOR);

        // when
        List<String> names = detector.getEnv().stream().map(EnvVar::getName).toList();
        EnvVar podIp = detector.getEnv().get(names.indexOf("POD_IP"));

        // then
        assertThat(podIp.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        assertThat(env(detector, "KAFKA_STREAMS_DEFAULT_APPLICATION_SERVER")).isEqualTo("$(POD_IP):" + port);
        assertThat(env(detector, "MICRONAUT_SERVER_PORT")).isEqualTo(String.valueOf(port));
        assertThat(detector.getPorts()).filteredOn(containerPort -> "http".equals(containerPort.getName()))
                .singleElement().satisfies(containerPort -> assertThat(containerPort.getContainerPort()).isEqualTo(port));
        // Kubernetes expands $(POD_IP) only from a variable defined before it.
        assertThat(names.indexOf("POD_IP")).isNotNegative()
                .isLessThan(names.indexOf("KAFKA_STREAMS_DEFAULT_APPLICATION_SERVER"));
    }

    @Test
    void boundsRocksDbMemoryByValues() {
        Container defaults = container(ChartRendering.withDefaultValues(), DETECTOR);
        Container production = container(ChartRendering.withProductionValues(), DETECTOR);

        assertThat(env(defaults, "CARDWATCH_STREAMS_ROCKSDB_MEMORY_MIB")).isEqualTo("192");
        assertThat(env(defaults, "CARDWATCH_STREAMS_ROCKSDB_WRITE_BUFFER_MIB")).isEqualTo("48");
        assertThat(env(production, "CARDWATCH_STREAMS_ROCKSDB_MEMORY_MIB")).isEqualTo("512");
        assertThat(env(production, "CARDWATCH_STREAMS_ROCKSDB_WRITE_BUFFER_MIB")).isEqualTo("128");
    }

    @Test
    void detectorPodsReachEachOthersHttpPortWhereOnlyMonitoringIsLetIn() {
        // given production values, where only the monitoring namespace and named pods reach the detector
        NetworkPolicy policy = ChartRendering.withProductionValues().one(NetworkPolicy.class, DETECTOR);

        // when
        List<NetworkPolicyPeer> httpCallers = policy.getSpec().getIngress().get(0).getFrom();
        List<NetworkPolicyEgressRule> toDetectors = egressToDetectorPods(policy);

        // then
        assertThat(policy.getSpec().getIngress().get(0).getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
        assertThat(httpCallers).anySatisfy(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(DETECTOR_PODS);
        });
        assertThat(toDetectors).singleElement().satisfies(rule -> assertThat(rule.getPorts()).singleElement()
                .satisfies(port -> {
                    assertThat(port.getPort().getIntVal()).isEqualTo(8081);
                    assertThat(port.getProtocol()).isEqualTo("TCP");
                }));
    }

    @Test
    void withDefaultValuesDetectorPodsMayCallEachOtherToo() {
        NetworkPolicy policy = ChartRendering.withDefaultValues().one(NetworkPolicy.class, DETECTOR);

        assertThat(policy.getSpec().getIngress().get(0).getFrom()).isEmpty();
        assertThat(egressToDetectorPods(policy)).singleElement().satisfies(rule -> assertThat(rule.getPorts())
                .singleElement().satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8081)));
    }

    @Test
    void livenessAsksTheDetectorWhetherItsStreamsClientStillRuns() {
        Container detector = container(ChartRendering.withProductionValues(), DETECTOR);

        assertThat(detector.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
        assertThat(detector.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(detector.getLivenessProbe().getFailureThreshold()).isEqualTo(3);
        assertThat(detector.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
        assertThat(detector.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/readiness");
    }

    private static List<NetworkPolicyEgressRule> egressToDetectorPods(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream()
                .filter(rule -> rule.getTo() != null && rule.getTo().stream().anyMatch(peer ->
                        peer.getPodSelector() != null && DETECTOR_PODS.equals(peer.getPodSelector().getMatchLabels())))
                .toList();
    }
}

package io.cardwatch.deployment;

import static io.cardwatch.deployment.YamlNodes.map;
import static io.cardwatch.deployment.YamlNodes.list;
import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Prometheus Operator scrape of every service: job, namespace and instance tell series apart. */
class ChartPodMonitorTest {

    @Test
    void isOffByDefaultSoThatTheChartInstallsWithoutTheOperatorsCrds() {
        assertThat(ChartRendering.withDefaultValues().kindsAndNames()).noneMatch(name -> name.startsWith("PodMonitor/"));
    }

    @Test
    void scrapesTheMetricsPortOfEveryServiceInTheReleaseNamespace() {
        // given production values, which turn the PodMonitor on for kube-prometheus-stack
        Manifests manifests = ChartRendering.withProductionValues();

        // when
        GenericKubernetesResource podMonitor = manifests.custom("PodMonitor", "rel-cardwatch");

        // then
        assertThat(podMonitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(podMonitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        Map<String, Object> spec = map(podMonitor.getAdditionalProperties().get("spec"));
        assertThat(spec.keySet()).containsExactlyInAnyOrder("jobLabel", "namespaceSelector", "selector",
                "podMetricsEndpoints");
        assertThat(spec.get("namespaceSelector")).isEqualTo(Map.of("matchNames", List.of("fraud")));
        assertThat(spec.get("podMetricsEndpoints"))
                .isEqualTo(List.of(Map.of("port", "metrics", "path", "/metrics", "interval", "30s")));
        for (String workload : List.of("rel-cardwatch-gateway", "rel-cardwatch-detector", "rel-cardwatch-console")) {
            assertThat(container(manifests, workload).getPorts()).extracting("name").contains("metrics");
        }
    }

    @Test
    void jobOfEachServiceIsItsNameAsTheDashboardsExpect() {
        // given
        Manifests manifests = ChartRendering.withProductionValues();
        Map<String, Object> spec = map(manifests.custom("PodMonitor", "rel-cardwatch").getAdditionalProperties()
                .get("spec"));
        String jobLabel = (String) spec.get("jobLabel");

        // when the operator reads the job from the label of each pod the PodMonitor selects
        Map<String, String> jobs = manifests.all(Deployment.class).stream()
                .map(deployment -> deployment.getSpec().getTemplate().getMetadata().getLabels())
                .filter(podLabels -> selects(map(spec.get("selector")), podLabels))
                .collect(Collectors.toMap(podLabels -> podLabels.get("app.kubernetes.io/component"),
                        podLabels -> podLabels.get(jobLabel)));

        // then
        assertThat(jobs).isEqualTo(Map.of("gateway", "ingest-gateway", "detector", "fraud-detector",
                "console", "review-console"));
    }

    /** Label selector semantics, for the two forms the chart uses. */
    private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        Map<String, Object> matchLabels = map(selector.getOrDefault("matchLabels", Map.of()));
        List<Map<String, Object>> expressions = list(selector.getOrDefault("matchExpressions", List.of()));
        boolean labelsMatch = matchLabels.entrySet().stream()
                .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
        boolean expressionsMatch = expressions.stream().allMatch(expression -> {
            assertThat(expression.get("operator")).isEqualTo("Exists");
            return labels.containsKey((String) expression.get("key"));
        });
        return labelsMatch && expressionsMatch;
    }
}

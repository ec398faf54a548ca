package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The gateway's Ingress against the routes the gateway serves, as its build's OpenAPI spec lists them. */
class ChartIngressRoutesTest {

    static Stream<Arguments> renderings() {
        return Stream.of(
                Arguments.of("production values", ChartRendering.withProductionValues()),
                Arguments.of("default values with the Ingress on",
                        ChartRendering.render(Repository.CHART, null, Map.of("gateway.ingress.enabled", true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void routesEveryPathOfTheApiToTheGatewaysHttpPort(String name, Manifests manifests) {
        // given
        List<HTTPIngressPath> rules = rules(manifests);

        // when
        List<String> paths = apiPaths();

        // then
        assertThat(paths).contains("/v1/transactions", "/v1/transactions:batch", "/v1/transactions/tx-1/decision");
        assertThat(paths).allSatisfy(path -> assertThat(rules).as(path)
                .anySatisfy(rule -> assertThat(matches(rule, path)).isTrue()));
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getBackend().getService().getName()).isEqualTo("rel-cardwatch-gateway");
            assertThat(rule.getBackend().getService().getPort().getName()).isEqualTo("http");
        });
        assertThat(manifests.one(Service.class, "rel-cardwatch-gateway").getSpec().getPorts())
                .anySatisfy(port -> {
                    assertThat(port.getName()).isEqualTo("http");
                    assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void keepsHealthAndMetricsInsideTheCluster(String name, Manifests manifests) {
        List<HTTPIngressPath> rules = rules(manifests);

        assertThat(List.of("/health", "/health/liveness", "/health/readiness", "/metrics", "/"))
                .allSatisfy(path -> assertThat(rules).as(path).noneSatisfy(rule ->
                        assertThat(matches(rule, path)).isTrue()));
    }

    /** The examples of the Kubernetes documentation ("Ingress", "Examples"), and the batch path beside its parent. */
    @ParameterizedTest(name = "{0} {1} matches {2}: {3}")
    @CsvSource({
            "Prefix, /,                /aaa/ccc,                 true",
            "Prefix, /foo,             /foo/,                    true",
            "Prefix, /aaa/bb,          /aaa/bbb,                 false",
            "Prefix, /aaa/bbb/,        /aaa/bbb,                 true",
            "Prefix, /aaa/bbb,         /aaa/bbb/,                true",
            "Prefix, /aaa/bbb,         /aaa/bbb/ccc,             true",
            "Prefix, /aaa/bbb,         /aaa/bbbxyz,              false",
            "Exact,  /foo,             /foo/,                    false",
            "Prefix, /v1/transactions, /v1/transactions:batch,   false",
            "Prefix, /v1,              /v1/transactions:batch,   true",
            "Prefix, /v1,              /v10/transactions,        false"})
    void matchesAsKubernetesDoes(String pathType, String rulePath, String requestPath, boolean expected) {
        HTTPIngressPath rule = new HTTPIngressPath(null, rulePath, pathType);

        assertThat(matches(rule, requestPath)).isEqualTo(expected);
    }

    /**
     * Kubernetes' path matching: Exact compares whole paths; Prefix compares the rule's elements, split on '/', with
     * the request's first elements, each as a whole (so /v1/transactions is no prefix of /v1/transactions:batch).
     */
    private static boolean matches(HTTPIngressPath rule, String requestPath) {
        return switch (rule.getPathType()) {
            case "Exact" -> rule.getPath().equals(requestPath);
            case "Prefix" -> {
                List<String> prefix = elements(rule.getPath());
                List<String> request = elements(requestPath);
                yield prefix.size() <= request.size() && request.subList(0, prefix.size()).equals(prefix);
            }
            default -> throw new AssertionError(rule.getPathType() + " paths mean what each controller decides");
        };
    }

    private static List<String> elements(String path) {
        return Arrays.stream(path.split("/")).filter(element -> !element.isEmpty()).toList();
    }

    private static List<HTTPIngressPath> rules(Manifests manifests) {
        return manifests.one(Ingress.class, "rel-cardwatch-gateway").getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .toList();
    }

    /** The paths of the gateway's generated spec, each path parameter given a literal value. */
    @SuppressWarnings("unchecked")
    private static List<String> apiPaths() {
        Map<String, Object> openApi = new Yaml().load(Repository.read(ServiceModule.GATEWAY.openApiSpec()));
        return ((Map<String, Object>) openApi.get("paths")).keySet().stream()
                .map(path -> path.replaceAll("\\{[^}]+}", "tx-1"))
                .toList();
    }
}

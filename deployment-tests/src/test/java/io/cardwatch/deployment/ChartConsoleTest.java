package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static io.cardwatch.deployment.ChartWorkloadsTest.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The review console's sign-in configuration, its way to the detector, and the values it refuses. */
class ChartConsoleTest {

    private static final Map<String, String> CONSOLE_PODS = Map.of("app.kubernetes.io/name", "cardwatch",
            "app.kubernetes.io/instance", "rel", "app.kubernetes.io/component", "console");
    private static final Map<String, String> DETECTOR_PODS = Map.of("app.kubernetes.io/name", "cardwatch",
            "app.kubernetes.io/instance", "rel", "app.kubernetes.io/component", "detector");
    private static final String HASH =
            "pbkdf2-sha256:600000:0lrijKG2-pzRx3Anc2M7Qw:Tze1UHxEGmqygw9ueIrZt9PrmwmpB6wH1tL2CX7Y8no";

    @Test
    void productionSignsAnalystsInWithCognitoAndKnowsNoLocalUser() {
        // given
        Manifests manifests = ChartRendering.withProductionValues();

        // when
        Map<String, Object> config = consoleConfig(manifests);

        // then
        assertThat(config).isEqualTo(Map.of(
                "cardwatch", Map.of("review", Map.of("local-users", List.of(), "roles-claim", "cognito:groups")),
                "micronaut", Map.of(
                        "security", Map.of(
                                "oauth2", Map.of("clients", Map.of("cognito", Map.of(
                                        "client-id", "1example23456789abcdefghij",
                                        "client-secret", "${CARDWATCH_REVIEW_OIDC_CLIENT_SECRET}",
                                        "openid", Map.of("issuer",
                                                "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI")))),
                                "token", Map.of("cookie", Map.of("cookie-secure", true),
                                        "jwt", signingKeyFromTheEnvironment().get("jwt"))),
                        // Behind the ALB, which ends TLS: callback URLs are those of the public host, over https.
                        "server", Map.of("host-resolution", Map.of("host-header", "Host",
                                "protocol-header", "X-Forwarded-Proto",
                                "allowed-hosts", List.of("https://review\\.cardwatch\\.example\\.com"))))));
        assertThat(env(container(manifests, "rel-cardwatch-console"), "MICRONAUT_CONFIG_FILES"))
                .isEqualTo("/etc/cardwatch/review-console.yml");
        assertThat(container(manifests, "rel-cardwatch-console").getVolumeMounts())
                .anySatisfy(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo("/etc/cardwatch");
                    assertThat(mount.getReadOnly()).isTrue();
                });
    }

    @Test
    void localUsersBecomeTheConsolesListWithTheirHashes() {
        // given
        Manifests manifests = ChartRendering.render(Repository.CHART, null, Map.of(
                "console.auth.localUsers[0].username", "ana",
                "console.auth.localUsers[0].passwordHash", HASH,
                "console.auth.localUsers[0].roles[0]", "ANALYST"));

        // when
        Map<String, Object> config = consoleConfig(manifests);

        // then
        assertThat(config).isEqualTo(Map.of(
                "cardwatch", Map.of("review", Map.of("local-users", List.of(
                        Map.of("username", "ana", "password-hash", HASH, "roles", List.of("ANALYST"))))),
                "micronaut", Map.of("security", Map.of("token", signingKeyFromTheEnvironment()))));
    }

    @Test
    void consoleCallsTheDetectorsServiceWhichItsPolicyLetsInBesideMonitoring() {
        // given production values, where only the monitoring namespace may reach the detector
        Manifests manifests = ChartRendering.withProductionValues();

        // when
        NetworkPolicy detector = manifests.one(NetworkPolicy.class, "rel-cardwatch-detector");
        NetworkPolicy console = manifests.one(NetworkPolicy.class, "rel-cardwatch-console");

        // then
        assertThat(env(container(manifests, "rel-cardwatch-console"), "CARDWATCH_REVIEW_DETECTOR_URL"))
                .isEqualTo("http://rel-cardwatch-detector:8081");
        assertThat(manifests.one(Service.class, "rel-cardwatch-detector").getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(8081));
        assertThat(detector.getSpec().getIngress().get(0).getFrom()).satisfiesExactly(
                peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring")),
                peer -> assertThat(podsOnly(peer)).isEqualTo(DETECTOR_PODS),
                peer -> assertThat(podsOnly(peer)).isEqualTo(CONSOLE_PODS));
        assertThat(egressToPods(console, DETECTOR_PODS)).singleElement().satisfies(rule -> assertThat(rule.getPorts())
                .singleElement().satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8081)));
    }

    @Test
    void withDefaultValuesAnyPodReachesTheDetectorAndTheConsoleStillNamesIt() {
        Manifests manifests = ChartRendering.withDefaultValues();

        assertThat(manifests.one(NetworkPolicy.class, "rel-cardwatch-detector").getSpec().getIngress().get(0).getFrom())
                .isEmpty();
        assertThat(egressToPods(manifests.one(NetworkPolicy.class, "rel-cardwatch-console"), DETECTOR_PODS))
                .hasSize(1);
    }

    @Test
    void consoleReachesTheIdentityProviderOverHttpsOnlyWithOidc() {
        NetworkPolicy production = ChartRendering.withProductionValues().one(NetworkPolicy.class, "rel-cardwatch-console");
        NetworkPolicy defaults = ChartRendering.withDefaultValues().one(NetworkPolicy.class, "rel-cardwatch-console");

        assertThat(production.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(443)));
        assertThat(defaults.getSpec().getEgress()).flatExtracting(NetworkPolicyEgressRule::getPorts)
                .noneSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(443));
    }

    @Test
    void consoleTakesCallersFromTheVpcInProduction() {
        NetworkPolicy console = ChartRendering.withProductionValues().one(NetworkPolicy.class, "rel-cardwatch-console");

        assertThat(console.getSpec().getIngress().get(0).getFrom()).singleElement()
                .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.0.0.0/16"));
    }

    @Test
    void disabledConsoleRendersNothingAndLeavesTheDetectorToMonitoring() {
        // given
        Manifests manifests = ChartRendering.render(Repository.CHART, Repository.PRODUCTION_VALUES,
                Map.of("console.enabled", false));

        // when
        NetworkPolicy detector = manifests.one(NetworkPolicy.class, "rel-cardwatch-detector");

        // then
        assertThat(manifests.kindsAndNames()).noneMatch(name -> name.contains("console"));
        assertThat(detector.getSpec().getIngress().get(0).getFrom()).satisfiesExactly(
                peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring")),
                peer -> assertThat(podsOnly(peer)).isEqualTo(DETECTOR_PODS));
    }

    @Test
    void refusesAConsoleWithoutTheKeyThatSignsItsSessions() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null,
                Map.of("console.auth.signingSecret.existingSecret", "")))
                .hasMessageContaining("console.auth.signingSecret.existingSecret is required with console.enabled");
    }

    @Test
    void refusesOidcWithoutItsClientSecretOrIssuer() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, Repository.PRODUCTION_VALUES,
                Map.of("console.auth.oidc.clientSecret.existingSecret", "")))
                .hasMessageContaining("console.auth.oidc.clientSecret.existingSecret is required with console.auth.oidc.enabled");
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, Repository.PRODUCTION_VALUES,
                Map.of("console.auth.oidc.issuer", "")))
                .hasMessageContaining("console.auth.oidc.issuer is required with console.auth.oidc.enabled");
    }

    @Test
    void schemaRefusesARoleTheConsoleDoesNotHave() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of(
                "console.auth.localUsers[0].username", "ana",
                "console.auth.localUsers[0].passwordHash", HASH,
                "console.auth.localUsers[0].roles[0]", "SUPERUSER")))
                .hasMessageContaining("roles");
    }

    private static Map<String, Object> signingKeyFromTheEnvironment() {
        return Map.of("jwt", Map.of("signatures", Map.of("secret", Map.of("generator", Map.of(
                "secret", "${CARDWATCH_REVIEW_SIGNING_SECRET}")))));
    }

    private static Map<String, Object> consoleConfig(Manifests manifests) {
        Secret secret = manifests.one(Secret.class, "rel-cardwatch-console-config");
        assertThat(secret.getStringData()).containsOnlyKeys("review-console.yml");
        return new Yaml().load(secret.getStringData().get("review-console.yml"));
    }

    /** The labels of a peer that selects pods of this namespace, and nothing else. */
    private static Map<String, String> podsOnly(NetworkPolicyPeer peer) {
        assertThat(peer.getNamespaceSelector()).isNull();
        assertThat(peer.getIpBlock()).isNull();
        return peer.getPodSelector().getMatchLabels();
    }

    private static List<NetworkPolicyEgressRule> egressToPods(NetworkPolicy policy, Map<String, String> pods) {
        return policy.getSpec().getEgress().stream()
                .filter(rule -> rule.getTo() != null && rule.getTo().stream()
                        .anyMatch(peer -> peer.getPodSelector() != null && pods.equals(podsOnly(peer))))
                .toList();
    }
}

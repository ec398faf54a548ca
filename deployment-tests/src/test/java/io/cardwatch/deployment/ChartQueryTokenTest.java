package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The detector's profile query token: the tokens it accepts and the one the console sends come from one Secret,
 * optional, so that a detector without it still scores (and refuses every profile query).
 */
class ChartQueryTokenTest {

    @Test
    void detectorAcceptsAndConsoleSendsTheTokensOfTheDefaultSecret() {
        Manifests manifests = ChartRendering.withDefaultValues();

        assertThat(secret(container(manifests, "rel-cardwatch-detector"), "CARDWATCH_QUERY_TOKENS"))
                .isEqualTo("cardwatch-detector-query/accepted-tokens (optional)");
        assertThat(secret(container(manifests, "rel-cardwatch-console"), "CARDWATCH_REVIEW_DETECTOR_TOKEN"))
                .isEqualTo("cardwatch-detector-query/console-token (optional)");
    }

    @Test
    void productionValuesUseTheSameSecret() {
        Manifests manifests = ChartRendering.withProductionValues();

        assertThat(secret(container(manifests, "rel-cardwatch-detector"), "CARDWATCH_QUERY_TOKENS"))
                .isEqualTo("cardwatch-detector-query/accepted-tokens (optional)");
        assertThat(secret(container(manifests, "rel-cardwatch-console"), "CARDWATCH_REVIEW_DETECTOR_TOKEN"))
                .isEqualTo("cardwatch-detector-query/console-token (optional)");
    }

    @Test
    void anotherSecretAndOtherKeysAreReadWhereNamed() {
        Manifests manifests = ChartRendering.render(Repository.CHART, null, Map.of(
                "detector.queryToken.existingSecret", "profile-query",
                "detector.queryToken.acceptedKey", "tokens",
                "detector.queryToken.consoleKey", "review"));

        assertThat(secret(container(manifests, "rel-cardwatch-detector"), "CARDWATCH_QUERY_TOKENS"))
                .isEqualTo("profile-query/tokens (optional)");
        assertThat(secret(container(manifests, "rel-cardwatch-console"), "CARDWATCH_REVIEW_DETECTOR_TOKEN"))
                .isEqualTo("profile-query/review (optional)");
    }

    @Test
    void schemaRefusesAnEmptySecretName() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null,
                Map.of("detector.queryToken.existingSecret", "")))
                .hasMessageContaining("existingSecret");
    }

    @Test
    void theVariablesAreTheServicesOwnKeys() {
        assertThat(new ServiceModule("fraud-detector").configuration()).containsKey("cardwatch.query.tokens");
        assertThat(new ServiceModule("review-console").configuration()).containsKey("cardwatch.review.detector-token");
    }

    private static String secret(Container container, String variable) {
        EnvVar found = container.getEnv().stream().filter(env -> env.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + variable + " in " + container.getName()));
        SecretKeySelector key = found.getValueFrom().getSecretKeyRef();
        return key.getName() + "/" + key.getKey() + (Boolean.TRUE.equals(key.getOptional()) ? " (optional)" : "");
    }
}

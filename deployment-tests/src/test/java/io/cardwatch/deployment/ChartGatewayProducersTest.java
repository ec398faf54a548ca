package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's producers from the values, their key hashes from the Secret, under keys the gateway reads. */
class ChartGatewayProducersTest {

    private static final String PRODUCER_VARIABLES = "CARDWATCH_AUTH_PRODUCERS_";

    /** A producer that may post, and one that may only look decisions up, at its own rate. */
    private static final Map<String, Object> TWO_PRODUCERS = Map.of(
            "gateway.auth.existingSecret", "acquiring-keys",
            "gateway.auth.producers[0].id", "acquirer",
            "gateway.auth.producers[1].id", "lookups",
            "gateway.auth.producers[1].write", false,
            "gateway.auth.producers[1].readsFor", "acquirer",
            "gateway.auth.producers[1].requestsPerSecond", 50,
            "gateway.auth.producers[1].burst", 100);

    @Test
    void defaultValuesGiveOneProducerDefaultWithBothItsKeysFromTheKeysSecret() {
        // when
        List<String> variables = producerVariables(ChartRendering.withDefaultValues());

        // then
        assertThat(variables).containsExactly(
                "CARDWATCH_AUTH_PRODUCERS_DEFAULT_API_KEY_SHA256 <- secret cardwatch-gateway-keys, key default",
                "CARDWATCH_AUTH_PRODUCERS_DEFAULT_NEXT_API_KEY_SHA256 <- secret cardwatch-gateway-keys,"
                        + " key default-next, optional");
    }

    @Test
    void eachProducerOfTheValuesGetsItsCurrentAndNextKeyAndItsLimits() {
        // when
        List<String> variables = producerVariables(ChartRendering.render(Repository.CHART, null, TWO_PRODUCERS));

        // then
        assertThat(variables).containsExactly(
                "CARDWATCH_AUTH_PRODUCERS_ACQUIRER_API_KEY_SHA256 <- secret acquiring-keys, key acquirer",
                "CARDWATCH_AUTH_PRODUCERS_ACQUIRER_NEXT_API_KEY_SHA256 <- secret acquiring-keys, key acquirer-next,"
                        + " optional",
                "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_API_KEY_SHA256 <- secret acquiring-keys, key lookups",
                "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_NEXT_API_KEY_SHA256 <- secret acquiring-keys, key lookups-next,"
                        + " optional",
                "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_WRITE = false",
                "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_READS_FOR = acquirer",
                "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_REQUESTS_PER_SECOND = 50",
                "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_BURST = 100");
    }

    @Test
    void productionValuesKeepTheHashesInTheSecretOnly() {
        Manifests manifests = ChartRendering.withProductionValues();

        assertThat(container(manifests, "rel-cardwatch-gateway").getEnv())
                .filteredOn(variable -> variable.getName().startsWith(PRODUCER_VARIABLES))
                .isNotEmpty()
                .allSatisfy(variable -> {
                    assertThat(variable.getValue()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("cardwatch-gateway-keys");
                });
    }

    @Test
    void everyVariableTheChartSetsOnTheGatewayIsAKeyTheGatewayReads() {
        // given
        Manifests manifests = ChartRendering.render(Repository.CHART, null, TWO_PRODUCERS);

        // when
        List<String> variables = container(manifests, "rel-cardwatch-gateway").getEnv().stream()
                .map(EnvVar::getName)
                .filter(ServiceModule::isMicronautVariable)
                .toList();

        // then
        assertThat(variables).contains("MICRONAUT_SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS",
                "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_NEXT_API_KEY_SHA256", "CARDWATCH_AUTH_PRODUCERS_LOOKUPS_BURST");
        assertThat(variables).allSatisfy(variable ->
                assertThat(ServiceModule.GATEWAY.readsVariable(variable)).as(variable).isTrue());
        assertThat(ServiceModule.GATEWAY.readsVariable("CARDWATCH_AUTH_PRODUCERS_LOOKUPS_API_KEY")).isFalse();
    }

    @Test
    void refusesProducersTheGatewayCouldNotTellApart() {
        // An underscore or dash in the id would split it in two once it is part of an env var name.
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null,
                Map.of("gateway.auth.producers[0].id", "acme-pay")))
                .hasMessageContaining("/gateway/auth/producers/0/id").hasMessageContaining("acme-pay");
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of(
                "gateway.auth.producers[0].id", "acquirer", "gateway.auth.producers[1].id", "acquirer")))
                .hasMessageContaining("gateway.auth.producers lists producer acquirer twice");
    }

    @Test
    void refusesAGatewayWithoutProducers() {
        assertThatThrownBy(() -> ChartRendering.template(Repository.CHART, null, Map.of("gateway.auth.producers", List.of())))
                .hasMessageContaining("producers");
    }

    private static List<String> producerVariables(Manifests manifests) {
        return container(manifests, "rel-cardwatch-gateway").getEnv().stream()
                .filter(variable -> variable.getName().startsWith(PRODUCER_VARIABLES))
                .map(ChartGatewayProducersTest::describe)
                .toList();
    }

    private static String describe(EnvVar variable) {
        if (variable.getValueFrom() == null) {
            return variable.getName() + " = " + variable.getValue();
        }
        SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
        return variable.getName() + " <- secret " + secret.getName() + ", key " + secret.getKey()
                + (Boolean.TRUE.equals(secret.getOptional()) ? ", optional" : "");
    }
}

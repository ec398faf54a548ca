package io.cardwatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.scoring.TopologyDrivers;
import io.cardwatch.events.Decision;
import io.cardwatch.events.FraudModel;
import io.cardwatch.events.ModelScore;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The models published on {@code fraud-models}, as the scoring topology puts them in force: the next decision
 * carries what the active and the shadow model made of its transaction, and only the active one adds points.
 */
class ModelTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    /** sigmoid(3): what a model of leaf 3 gives a card-present transaction. */
    private static final double P3 = 0.9525741268224334;
    /** sigmoid(2). */
    private static final double P2 = 0.8807970779778823;
    private static final String V1_FACTS = "model v1: fraud probability 0.953 (0.142 for a typical transaction); "
            + "raised most by card_present 1 (+4.80)";

    private final ModelsInForce models = new ModelsInForce();
    private TopologyTestDriver driver;
    private TestInputTopic<String, FraudModel> fraudModels;
    private TestInputTopic<String, byte[]> rawFraudModels;
    private TestInputTopic<String, RuleSet> fraudRules;
    private TestInputTopic<String, Transaction> transactions;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startTopology() {
        driver = TopologyDrivers.scoring(models);
        fraudModels = input(Topics.FRAUD_MODELS);
        rawFraudModels = driver.createInputTopic(Topics.FRAUD_MODELS.name(), new StringSerializer(),
                new ByteArraySerializer());
        fraudRules = input(Topics.FRAUD_RULES);
        transactions = input(Topics.TRANSACTIONS);
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(), Topics.DECISIONS.keySerde().deserializer(),
                Topics.DECISIONS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void theActiveModelAddsItsPointsUnderModelRiskNamingTheFeatureThatRaisedItMost() {
        // given
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.cardPresent("v1", 3, 500), T0);

        // when
        Transaction groceries = groceries("tx-1", "card-1");
        send(groceries);

        // then: round(500 x 0.9526) points, which alone send the purchase to review
        assertThat(decisions.readValuesToList()).containsExactly(decision(groceries, Outcome.REVIEW, 476,
                List.of(new Reason(ModelRisk.CODE, 476, V1_FACTS)),
                List.of(new ModelScore("v1", ModelScore.Role.ACTIVE, P3, 476))));
    }

    @Test
    void aNewVersionReplacesTheActiveModelFromTheNextTransaction() {
        // given
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.cardPresent("v1", 3, 500), T0);
        send(groceries("tx-1", "card-1"));

        // when
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.cardPresent("v2", 2, 400), T0);
        Transaction next = groceries("tx-2", "card-2");
        send(next);

        // then
        List<Decision> scored = decisions.readValuesToList();
        assertThat(scored).extracting(Decision::models).containsExactly(
                List.of(new ModelScore("v1", ModelScore.Role.ACTIVE, P3, 476)),
                List.of(new ModelScore("v2", ModelScore.Role.ACTIVE, P2, 352)));
        assertThat(scored.get(1)).isEqualTo(decision(next, Outcome.REVIEW, 352,
                List.of(new Reason(ModelRisk.CODE, 352, "model v2: fraud probability 0.881 (0.231 for a typical "
                        + "transaction); raised most by card_present 1 (+3.20)")),
                List.of(new ModelScore("v2", ModelScore.Role.ACTIVE, P2, 352))));
    }

    @Test
    void anInvalidOrUnreadableModelLeavesTheActiveOneInForceAndIsNotSetAsideHere() {
        // given
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.cardPresent("v1", 3, 500), T0);

        // when
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.withCycle("v-cycle"), T0);
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.withFeatures("v-renamed", List.of("amount")), T0);
        rawFraudModels.pipeInput(FraudModel.ACTIVE_KEY, "{\"version\": ".getBytes(StandardCharsets.UTF_8), T0);
        fraudModels.pipeInput("candidate", TestModels.cardPresent("v-unkeyed", 2, 400), T0);
        Transaction groceries = groceries("tx-1", "card-1");
        send(groceries);

        // then: the refusals reach dead-letters once, from the detector's listener, not from every instance
        assertThat(decisions.readValuesToList()).containsExactly(decision(groceries, Outcome.REVIEW, 476,
                List.of(new Reason(ModelRisk.CODE, 476, V1_FACTS)),
                List.of(new ModelScore("v1", ModelScore.Role.ACTIVE, P3, 476))));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aShadowModelIsRecordedOnTheDecisionButChangesNeitherItsScoreNorItsReasons() {
        // given
        Transaction before = groceries("tx-1", "card-1");
        send(before);

        // when
        fraudModels.pipeInput(FraudModel.SHADOW_KEY, TestModels.cardPresent("s1", 3, 500), T0);
        Transaction shadowed = groceries("tx-2", "card-2");
        send(shadowed);

        // then
        assertThat(decisions.readValuesToList()).containsExactly(
                decision(before, Outcome.APPROVE, 0, List.of(), List.of()),
                decision(shadowed, Outcome.APPROVE, 0, List.of(),
                        List.of(new ModelScore("s1", ModelScore.Role.SHADOW, P3, 0))));
    }

    @Test
    void besideAnActiveModelAShadowOneIsRecordedAfterItAndAddsNothing() {
        // given
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.cardPresent("v1", 3, 500), T0);
        fraudModels.pipeInput(FraudModel.SHADOW_KEY, TestModels.cardPresent("s1", 2, 400), T0);

        // when
        Transaction groceries = groceries("tx-1", "card-1");
        send(groceries);

        // then
        assertThat(decisions.readValuesToList()).containsExactly(decision(groceries, Outcome.REVIEW, 476,
                List.of(new Reason(ModelRisk.CODE, 476, V1_FACTS)),
                List.of(new ModelScore("v1", ModelScore.Role.ACTIVE, P3, 476),
                        new ModelScore("s1", ModelScore.Role.SHADOW, P2, 0))));
    }

    @Test
    void aRuleSetWeighsTheModelsReasonOrDisablesItWhileTheModelIsStillRecorded() {
        // given
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.cardPresent("v1", 3, 500), T0);

        // when
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("2", 300, 700, Map.of(ModelRisk.CODE, 200), Set.of()), T0);
        send(groceries("tx-1", "card-1"));
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("3", 300, 700, Map.of(), Set.of(ModelRisk.CODE)), T0);
        send(groceries("tx-2", "card-2"));

        // then: round(200 x 0.9526), then nothing
        List<Decision> scored = decisions.readValuesToList();
        assertThat(scored).extracting(Decision::score).containsExactly(191, 0);
        assertThat(scored).extracting(Decision::reasons).containsExactly(
                List.of(new Reason(ModelRisk.CODE, 191, V1_FACTS)), List.of());
        assertThat(scored).extracting(Decision::models).containsExactly(
                List.of(new ModelScore("v1", ModelScore.Role.ACTIVE, P3, 191)),
                List.of(new ModelScore("v1", ModelScore.Role.ACTIVE, P3, 0)));
    }

    @Test
    void aTombstoneWithdrawsTheModelUnderItsKeyAndTheRulesAloneDecide() {
        // given
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, TestModels.cardPresent("v1", 3, 500), T0);
        fraudModels.pipeInput(FraudModel.SHADOW_KEY, TestModels.cardPresent("s1", 2, 400), T0);

        // when
        fraudModels.pipeInput(FraudModel.ACTIVE_KEY, null, T0);
        Transaction withShadowOnly = groceries("tx-1", "card-1");
        send(withShadowOnly);
        fraudModels.pipeInput(FraudModel.SHADOW_KEY, null, T0);
        Transaction withNone = groceries("tx-2", "card-2");
        send(withNone);

        // then
        assertThat(decisions.readValuesToList()).containsExactly(
                decision(withShadowOnly, Outcome.APPROVE, 0, List.of(),
                        List.of(new ModelScore("s1", ModelScore.Role.SHADOW, P2, 0))),
                decision(withNone, Outcome.APPROVE, 0, List.of(), List.of()));
        assertThat(models.current()).isEqualTo(Models.NONE);
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private void send(Transaction transaction) {
        transactions.pipeInput(transaction.cardId(), transaction, transaction.eventTime());
    }

    /** An ordinary purchase of a new card, which no rule finds anything in; its channel is unknown. */
    private static Transaction groceries(String id, String cardId) {
        return new Transaction(id, cardId, new BigDecimal("12.50"), "EUR", "m-1", "5411", "DE", 52.52, 13.405, T0);
    }

    private static Decision decision(Transaction transaction, Outcome outcome, int score, List<Reason> reasons,
                                     List<ModelScore> scores) {
        return new Decision(transaction.transactionId(), transaction.cardId(), outcome, score, reasons,
                transaction.amount(), transaction.currency(), transaction.merchantId(), transaction.eventTime(),
                TopologyDrivers.NOW, "1", transaction.merchantCategory(), transaction.country(),
                transaction.latitude(), transaction.longitude(), transaction.channel(), scores);
    }
}

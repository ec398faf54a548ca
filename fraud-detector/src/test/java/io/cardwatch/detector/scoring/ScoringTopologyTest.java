package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.model.ModelsInForce;
import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.profile.Activity;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.FraudMark;
import io.cardwatch.detector.profile.Seen;
import io.cardwatch.events.DeadLetters;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Label;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.opentelemetry.api.OpenTelemetry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoringTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant NOW = ScoringFixtures.NOW;
    private static final double BERLIN_LAT = 52.52;
    private static final double BERLIN_LON = 13.405;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Transaction> transactions;
    private TestInputTopic<String, Transaction> history;
    private TestInputTopic<byte[], byte[]> rawTransactions;
    private TestInputTopic<String, RuleSet> fraudRules;
    private TestInputTopic<String, ListEntry> cardLists;
    private TestInputTopic<String, byte[]> rawCardLists;
    private TestInputTopic<String, byte[]> rawFraudRules;
    private TestInputTopic<String, Label> labels;
    private TestInputTopic<String, byte[]> rawLabels;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<String, Decision> alerts;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startTopology() {
        startTopology(ScoringFixtures.policy(Duration.ofHours(1)));
    }

    private void startTopology(ScoringPolicy policy) {
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, ScoringFixtures.scorer(), policy, new ModelsInForce());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        config.putAll(ScoringTopology.streamsSettings(new DeadLetterMetrics(OpenTelemetry.noop().getMeter("none"))));
        driver = new TopologyTestDriver(builder.build(), config);
        transactions = input(Topics.TRANSACTIONS);
        history = input(Topics.TRANSACTION_HISTORY);
        rawTransactions = driver.createInputTopic(Topics.TRANSACTIONS.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        fraudRules = input(Topics.FRAUD_RULES);
        cardLists = input(Topics.CARD_LISTS);
        rawCardLists = driver.createInputTopic(Topics.CARD_LISTS.name(), new StringSerializer(),
                new ByteArraySerializer());
        rawFraudRules = driver.createInputTopic(Topics.FRAUD_RULES.name(), new StringSerializer(),
                new ByteArraySerializer());
        labels = input(Topics.LABELS);
        rawLabels = driver.createInputTopic(Topics.LABELS.name(), new StringSerializer(), new ByteArraySerializer());
        decisions = output(Topics.DECISIONS);
        alerts = output(Topics.ALERTS);
        deadLetters = output(Topics.DEAD_LETTERS);
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void approvesAnOrdinaryPurchaseWithNoReasonsAndRaisesNoAlert() {
        Transaction purchase = purchase("tx-1", "12.50", T0);

        send(purchase);

        assertThat(decisions.readRecordsToList()).containsExactly(
                new TestRecord<>("card-1", decision(purchase, Outcome.APPROVE, 0), T0));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void sendsALargePurchaseOfANewCardToReviewAndAlertsWithTheReason() {
        Transaction large = purchase("tx-1", "7500.00", T0);

        send(large);

        Decision expected = decision(large, Outcome.REVIEW, 400,
                new Reason("LARGE_AMOUNT", 400, "amount 7500.00 EUR at or over limit 5000"));
        assertThat(decisions.readValuesToList()).containsExactly(expected);
        assertThat(alerts.readRecordsToList()).containsExactly(new TestRecord<>("card-1", expected, T0));
    }

    @Test
    void sendsABurstOfTwelveTransactionsInThirtySixSecondsToReviewAndEscalatesEachAfterTheFirstAlert() {
        for (int i = 0; i < 12; i++) {
            send(purchase("tx-" + i, "10.00", T0.plusSeconds(3L * i)));
        }

        List<Decision> scored = decisions.readValuesToList();

        assertThat(scored).extracting(Decision::score)
                .containsExactly(0, 0, 0, 150, 150, 450, 550, 550, 550, 550, 700, 700);
        assertThat(scored).extracting(Decision::outcome).containsExactly(Outcome.APPROVE, Outcome.APPROVE,
                Outcome.APPROVE, Outcome.APPROVE, Outcome.APPROVE, Outcome.REVIEW, Outcome.REVIEW, Outcome.REVIEW,
                Outcome.REVIEW, Outcome.REVIEW, Outcome.DECLINE, Outcome.DECLINE);
        assertThat(last(scored).reasons()).containsExactly(
                new Reason("VELOCITY_1M", 300, "12 transactions in 60 s, limit 5"),
                new Reason("VELOCITY_10M", 150, "12 transactions in 600 s, limit 3"),
                new Reason("VELOCITY_1H", 150, "12 transactions in 3600 s, limit 10"),
                new Reason("FOLLOWS_ALERT", 100, "follows an alert on this card 3 s earlier, window 7200 s"));
        assertThat(alerts.readValuesToList()).hasSize(7);
    }

    @Test
    void escalatesWhatIsFoundOnACardWithinTheWindowAfterItsAlertAndLeavesItsOrdinaryPurchasesAlone() {
        Transaction large = purchase("tx-1", "7500.00", T0);
        Transaction casinoSoonAfter = transaction("tx-2", "card-1", "50.00", "7995", "DE", BERLIN_LAT, BERLIN_LON,
                T0.plus(Duration.ofHours(1)));
        Transaction groceries = purchase("tx-3", "20.00", T0.plus(Duration.ofMinutes(90)));
        Transaction casinoLater = transaction("tx-4", "card-1", "50.00", "7995", "DE", BERLIN_LAT, BERLIN_LON,
                T0.plus(Duration.ofHours(3)));

        send(large);
        send(casinoSoonAfter);
        send(groceries);
        send(casinoLater);

        Reason highRisk = new Reason("HIGH_RISK_MERCHANT", 150, "merchant category 7995 is high risk");
        assertThat(decisions.readValuesToList()).containsExactly(
                decision(large, Outcome.REVIEW, 400,
                        new Reason("LARGE_AMOUNT", 400, "amount 7500.00 EUR at or over limit 5000")),
                decision(casinoSoonAfter, Outcome.APPROVE, 250, highRisk,
                        new Reason("FOLLOWS_ALERT", 100, "follows an alert on this card 3600 s earlier, window 7200 s")),
                decision(groceries, Outcome.APPROVE, 0),
                decision(casinoLater, Outcome.APPROVE, 150, highRisk));
    }

    @Test
    void declinesABlocklistedCardAndAMerchantListedAfterwards() {
        cardLists.pipeInput("card:card-1", new ListEntry(ListEntry.ListType.BLOCK, "reported stolen"));
        Transaction blockedCard = purchase("tx-1", "20.00", T0);
        send(blockedCard);
        cardLists.pipeInput("card:card-1", null);
        cardLists.pipeInput("merchant:m-1", new ListEntry(ListEntry.ListType.BLOCK, "skimming"));
        Transaction blockedMerchant = purchase("tx-2", "20.00", T0.plus(Duration.ofMinutes(5)));

        send(blockedMerchant);

        assertThat(decisions.readValuesToList()).containsExactly(
                decision(blockedCard, Outcome.DECLINE, 1000,
                        new Reason("BLOCKLISTED_CARD", 1000, "card card-1 is blocklisted: reported stolen")),
                decision(blockedMerchant, Outcome.DECLINE, 1000,
                        new Reason("BLOCKLISTED_MERCHANT", 1000, "merchant m-1 is blocklisted: skimming"),
                        new Reason("FOLLOWS_ALERT", 100, "follows an alert on this card 300 s earlier, window 7200 s")));
    }

    @Test
    void approvesAnAllowlistedCardWhateverTheRulesSay() {
        cardLists.pipeInput("card:card-1", new ListEntry(ListEntry.ListType.ALLOW, "corporate card"));
        Transaction large = transaction("tx-1", "card-1", "9000.00", "7995", "DE", BERLIN_LAT, BERLIN_LON, T0);

        send(large);

        assertThat(decisions.readValuesToList()).containsExactly(decision(large, Outcome.APPROVE, 0,
                new Reason("ALLOWLISTED", 0, "card card-1 is allowlisted: corporate card")));
    }

    @Test
    void appliesThresholdsWeightsAndDisabledRulesOfTheLatestRuleSet() {
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("2", 100, 200, Map.of("LARGE_AMOUNT", 250),
                Set.of("HIGH_RISK_MERCHANT")));
        Transaction large = transaction("tx-1", "card-1", "6000.00", "7995", "DE", BERLIN_LAT, BERLIN_LON, T0);

        send(large);

        assertThat(decisions.readValuesToList()).containsExactly(decisionUnderRules("2", large, Outcome.DECLINE, 250,
                new Reason("LARGE_AMOUNT", 250, "amount 6000.00 EUR at or over limit 5000")));
    }

    @Test
    void keepsTheLastGoodRuleSetWhenAnInvalidOneIsPublished() {
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("2", 100, 200, Map.of(), Set.of()));
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("3", 900, 100, Map.of("NO_SUCH_RULE", 10), Set.of()));
        Transaction casino = transaction("tx-1", "card-1", "50.00", "7995", "DE", BERLIN_LAT, BERLIN_LON, T0);

        send(casino);

        assertThat(decisions.readValuesToList()).containsExactly(decisionUnderRules("2", casino, Outcome.REVIEW, 150,
                new Reason("HIGH_RISK_MERCHANT", 150, "merchant category 7995 is high risk")));
    }

    @Test
    void ignoresAnUnreadableOrInvalidListEntryAndKeepsTheEntryBefore() {
        cardLists.pipeInput("card:card-1", new ListEntry(ListEntry.ListType.BLOCK, "reported stolen"));
        rawCardLists.pipeInput("card:card-1", "{\"list\": \"BLOCK\"".getBytes(StandardCharsets.UTF_8));
        cardLists.pipeInput("card:card-1", new ListEntry(null, "no list"));
        Transaction purchase = purchase("tx-1", "20.00", T0);

        send(purchase);

        assertThat(decisions.readValuesToList()).containsExactly(decision(purchase, Outcome.DECLINE, 1000,
                new Reason("BLOCKLISTED_CARD", 1000, "card card-1 is blocklisted: reported stolen")));
    }

    @Test
    void keepsTheLastGoodRuleSetWhenAnUnreadableOneIsPublished() {
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("2", 100, 200, Map.of(), Set.of()));
        rawFraudRules.pipeInput(RuleSet.ACTIVE_KEY, "{\"version\": ".getBytes(StandardCharsets.UTF_8));
        Transaction purchase = purchase("tx-1", "20.00", T0);

        send(purchase);

        assertThat(decisions.readValuesToList()).extracting(Decision::rulesVersion).containsExactly("2");
    }

    @Test
    void scoresATransactionOnlyOnceHoweverOftenItArrives() {
        Transaction first = purchase("tx-1", "20.00", T0);
        Transaction second = purchase("tx-2", "30.00", T0.plus(Duration.ofMinutes(1)));

        send(first);
        send(second);
        send(first);

        assertThat(decisions.readValuesToList()).containsExactly(decision(first, Outcome.APPROVE, 0),
                decision(second, Outcome.APPROVE, 0));
        assertThat(profile("card-1").count()).isEqualTo(2);
    }

    @Test
    void recognisesADuplicateAmongHundredsOfLaterTransactionsOfItsCard() {
        Transaction first = purchase("tx-first", "20.00", T0);
        send(first);
        for (int i = 1; i <= 300; i++) {
            send(purchase("tx-" + i, "20.00", T0.plus(Duration.ofMinutes(20L * i))));
        }

        send(first);

        assertThat(decisions.readValuesToList()).hasSize(301);
        assertThat(profile("card-1").count()).isEqualTo(301);
    }

    @Test
    void setsATransactionBeyondTheCardsDeduplicationHorizonAsideAsTooOld() {
        send(purchase("tx-1", "20.00", T0));
        send(purchase("tx-2", "20.00", T0.plus(Duration.ofDays(8))));
        Transaction beyond = purchase("tx-3", "20.00", T0.plus(Duration.ofHours(12)));

        send(beyond);

        TestRecord<byte[], byte[]> deadLetter = single(deadLetters.readRecordsToList());
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("TOO_OLD");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "io.cardwatch.detector.deadletter.RejectedRecordException: Transaction tx-3 at 2026-11-22T22:00:00Z "
                        + "is more than PT168H before card card-1's latest at 2026-11-30T10:00:00Z: it could no "
                        + "longer be told from a duplicate");
        assertThat(decisions.readValuesToList()).extracting(Decision::transactionId).containsExactly("tx-1", "tx-2");
    }

    @Test
    void scoresHistoryOfAnyAgeInEventTimeWhereLiveTrafficWouldBeTooOld() {
        Instant loaded = T0.plus(Duration.ofDays(90));
        Transaction first = purchase("tx-1", "7500.00", T0);
        Transaction second = purchase("tx-2", "20.00", T0.plus(Duration.ofHours(1)));

        history.pipeInput("card-1", first, loaded);
        history.pipeInput("card-1", second, loaded);
        transactions.pipeInput("card-1", purchase("tx-3", "20.00", T0.plus(Duration.ofHours(2))), loaded);

        assertThat(decisions.readValuesToList()).containsExactly(
                decision(first, Outcome.REVIEW, 400,
                        new Reason("LARGE_AMOUNT", 400, "amount 7500.00 EUR at or over limit 5000")),
                decision(second, Outcome.APPROVE, 0));
        assertThat(DeadLetters.header(single(deadLetters.readRecordsToList()).headers(), DeadLetters.CAUSE))
                .isEqualTo("TOO_OLD");
    }

    @Test
    void scoresALateTransactionAgainstTheTransactionsThatPrecededItInEventTime() {
        for (int i = 0; i < 5; i++) {
            send(purchase("tx-" + i, "10.00", T0.plusSeconds(10L * i)));
        }
        send(purchase("tx-later", "10.00", T0.plusSeconds(100)));
        Transaction late = purchase("tx-late", "10.00", T0.plusSeconds(50));

        send(late);

        List<Decision> scored = decisions.readValuesToList();
        assertThat(scored).extracting(Decision::transactionId, Decision::score).containsExactly(
                tuple("tx-0", 0), tuple("tx-1", 0), tuple("tx-2", 0), tuple("tx-3", 150), tuple("tx-4", 150),
                tuple("tx-later", 150), tuple("tx-late", 450));
        assertThat(last(scored).reasons()).containsExactly(
                new Reason("VELOCITY_1M", 300, "6 transactions in 60 s, limit 5"),
                new Reason("VELOCITY_10M", 150, "6 transactions in 600 s, limit 3"));
    }

    @Test
    void keepsRecentTransactionsTheLongestWindowPlusGraceBehindTheCardsLatestForALateOne() {
        send(purchase("tx-1", "9000.00", T0));
        send(purchase("tx-2", "9000.00", T0.plus(Duration.ofHours(12))));
        send(purchase("tx-3", "20.00", T0.plus(Duration.ofHours(24).plusMinutes(30))));
        Transaction late = purchase("tx-4", "9000.00", T0.plus(Duration.ofHours(23).plusMinutes(59)));

        send(late);

        assertThat(last(decisions.readValuesToList()).reasons()).extracting(Reason::code)
                .containsExactly("LARGE_AMOUNT", "VELOCITY_AMOUNT_24H");
        assertThat(recentOf("card-1")).containsExactly("tx-1", "tx-2", "tx-4", "tx-3");
    }

    @Test
    void forgetsTransactionsOlderThanTheLongestWindowPlusGraceBehindTheCardsLatest() {
        send(purchase("tx-1", "9000.00", T0));
        send(purchase("tx-2", "9000.00", T0.plus(Duration.ofHours(12))));
        send(purchase("tx-3", "20.00", T0.plus(Duration.ofHours(24).plusMinutes(30).plusSeconds(1))));
        Transaction late = purchase("tx-4", "9000.00", T0.plus(Duration.ofHours(23).plusMinutes(59)));

        send(late);

        assertThat(last(decisions.readValuesToList()).reasons()).extracting(Reason::code)
                .containsExactly("LARGE_AMOUNT");
        assertThat(recentOf("card-1")).containsExactly("tx-2", "tx-4", "tx-3");
    }

    @Test
    void dropsATransactionFromTheMinuteWindowExactlyOneMinuteLater() {
        for (int i = 1; i <= 6; i++) {
            send(purchase("tx-" + i, "10.00", T0.plusSeconds(10L * (i - 1))));
        }
        Transaction afterAPause = purchase("tx-7", "10.00", T0.plusSeconds(70));

        send(afterAPause);

        List<Decision> scored = decisions.readValuesToList();
        assertThat(scored).extracting(Decision::score).containsExactly(0, 0, 0, 150, 150, 450, 250);
        assertThat(last(scored).reasons()).containsExactly(
                new Reason("VELOCITY_10M", 150, "7 transactions in 600 s, limit 3"),
                new Reason("FOLLOWS_ALERT", 100, "follows an alert on this card 20 s earlier, window 7200 s"));
    }

    @Test
    void setsATransactionPublishedLaterThanTheMaximumAgeAsideAsTooOld() {
        send(purchase("tx-1", "10.00", T0));
        Transaction old = purchase("tx-old", "10.00", T0.plusSeconds(30));

        transactions.pipeInput("card-1", old, T0.plus(Duration.ofMinutes(61)));

        TestRecord<byte[], byte[]> deadLetter = single(deadLetters.readRecordsToList());
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("TOO_OLD");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "io.cardwatch.detector.deadletter.RejectedRecordException: Transaction tx-old at 2026-11-22T10:00:30Z "
                        + "was published at 2026-11-22T11:01:00Z, more than PT1H later");
        assertThat(coordinates(deadLetter)).isEqualTo("transactions/0/1");
        assertThat(decisions.readValuesToList()).extracting(Decision::transactionId).containsExactly("tx-1");
    }

    @Test
    void setsAnUnreadableRecordAsideUntouchedAndScoresTheNextOne() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        rawTransactions.pipeInput("card-1".getBytes(StandardCharsets.UTF_8), garbage, T0);

        send(purchase("tx-1", "10.00", T0));

        TestRecord<byte[], byte[]> deadLetter = single(deadLetters.readRecordsToList());
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.key()).isEqualTo("card-1".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("UNDESERIALIZABLE");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "org.apache.kafka.common.errors.SerializationException: Cannot read Transaction from topic transactions");
        assertThat(coordinates(deadLetter)).isEqualTo("transactions/0/0");
        assertThat(decisions.readValuesToList()).extracting(Decision::transactionId).containsExactly("tx-1");
    }

    @Test
    void setsAnInvalidTransactionAsideWithWhatIsWrongWithIt() {
        Transaction invalid = new Transaction("tx-1", "card-2", null, "EUR", "m-1", "5411", "DE", BERLIN_LAT,
                BERLIN_LON, T0);
        transactions.pipeInput("card-1", invalid, T0);

        TestRecord<byte[], byte[]> deadLetter = single(deadLetters.readRecordsToList());
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("INVALID");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "io.cardwatch.detector.deadletter.RejectedRecordException: Transaction tx-1: amount must be positive, "
                        + "the record key is not the card ID");
        assertThat(deadLetter.value()).isEqualTo(Topics.TRANSACTIONS.valueSerde().serializer()
                .serialize(Topics.TRANSACTIONS.name(), invalid));
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void recordsWhyAFilteredTransactionWasNotScoredAndKeepsItOutOfTheProfile() {
        Transaction test = transaction("tx-1", "card-1", "9000.00", "5411", "DE", BERLIN_LAT, BERLIN_LON, T0);
        Transaction testMerchant = new Transaction("tx-2", "card-1", new BigDecimal("9000.00"), "EUR", "m-test",
                "5411", "DE", BERLIN_LAT, BERLIN_LON, T0.plusSeconds(1));
        Transaction testCard = transaction("tx-3", "test-42", "9000.00", "5411", "DE", BERLIN_LAT, BERLIN_LON,
                T0.plusSeconds(2));

        send(testMerchant);
        send(testCard);
        send(test);

        assertThat(decisions.readValuesToList()).containsExactly(
                decision(testMerchant, Outcome.APPROVE, 0, new Reason("NOT_SCORED", 0, "merchant m-test is not scored")),
                decision(testCard, Outcome.APPROVE, 0,
                        new Reason("NOT_SCORED", 0, "cards starting with test- are not scored")),
                decision(test, Outcome.REVIEW, 400,
                        new Reason("LARGE_AMOUNT", 400, "amount 9000.00 EUR at or over limit 5000")));
        assertThat(profile("card-1").count()).isEqualTo(1);
    }

    @Test
    void keepsAProfileOfEachCardWhoseLastEventIsTheLatestInEventTime() {
        send(purchase("tx-1", "40.00", T0));
        send(transaction("tx-2", "card-1", "60.00", "5812", "AT", 48.2082, 16.3738, T0.plus(Duration.ofMinutes(90))));
        send(transaction("tx-3", "card-1", "80.00", "5411", "DE", BERLIN_LAT, BERLIN_LON, T0.plus(Duration.ofHours(1))));

        CardProfile profile = profile("card-1");
        assertThat(profile.count()).isEqualTo(3);
        assertThat(profile.lastEventTime()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        assertThat(profile.lastCountry()).isEqualTo("AT");
        assertThat(profile.countries()).containsExactly("AT", "DE");
        assertThat(profile.categories()).containsExactly("5411", "5812");
        assertThat(profile.seen()).extracting(Seen::transactionId).containsExactly("tx-1", "tx-2", "tx-3");
    }

    @Test
    void declinesTheNextTransactionOfACardConfirmedAsFraud() {
        // given
        Transaction stolen = purchase("tx-1", "20.00", T0);
        send(stolen);

        // when
        label(new Label("tx-1", "card-1", Label.Verdict.FRAUD, "alice", T0, T0.plus(Duration.ofMinutes(20))));
        Transaction next = purchase("tx-2", "20.00", T0.plus(Duration.ofMinutes(30)));
        send(next);

        // then
        Decision declined = decision(next, Outcome.DECLINE, 1000, new Reason("CONFIRMED_FRAUD", 1000,
                "card confirmed as fraud by alice on tx-1 (2026-11-22T10:00:00Z)"));
        assertThat(decisions.readValuesToList()).containsExactly(decision(stolen, Outcome.APPROVE, 0), declined);
        assertThat(alerts.readValuesToList()).containsExactly(declined);
        assertThat(profile("card-1").mark()).isEqualTo(new FraudMark("tx-1", T0, T0.plus(Duration.ofMinutes(20)),
                "alice"));
    }

    @Test
    void aLegitimateVerdictOnALaterTransactionLiftsTheMarkFromTheNextTransaction() {
        // given: the card confirmed as fraud on tx-1 at 10:20, and tx-2 declined for it
        Transaction holdersOwn = declinedAfterFraudOnTx1(T0.plus(Duration.ofMinutes(20)));

        // when: the holder, back with the card, made tx-2
        label(legitimate(holdersOwn, T0.plus(Duration.ofMinutes(40))));
        Transaction next = purchase("tx-3", "20.00", T0.plus(Duration.ofHours(3)));
        send(next);

        // then
        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(next, Outcome.APPROVE, 0));
        assertThat(profile("card-1").mark()).isNull();
    }

    @Test
    void ignoresAVerdictGivenBeforeTheLatestOneApplied() {
        // given: the card confirmed as fraud on tx-1 at 11:00, and tx-2 declined for it
        Transaction declined = declinedAfterFraudOnTx1(T0.plus(Duration.ofHours(1)));

        // when: a verdict given at 10:50, before alice's, arrives after it
        label(legitimate(declined, T0.plus(Duration.ofMinutes(50))));
        Transaction next = purchase("tx-3", "20.00", T0.plus(Duration.ofHours(3)));
        send(next);

        // then
        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(next, Outcome.DECLINE, 1000,
                new Reason("CONFIRMED_FRAUD", 1000,
                        "card confirmed as fraud by alice on tx-1 (2026-11-22T10:00:00Z)")));
    }

    @Test
    void aReplayedVerdictChangesNothing() {
        // given
        Label fraud = new Label("tx-1", "card-1", Label.Verdict.FRAUD, "alice", T0, T0.plus(Duration.ofMinutes(20)));
        send(purchase("tx-1", "20.00", T0));
        label(fraud);
        CardProfile marked = profile("card-1");

        // when
        label(fraud);

        // then
        assertThat(profile("card-1")).isEqualTo(marked);
    }

    @Test
    void aReplayOfTheCardsVerdictsAfterTheMarkWasLiftedDoesNotMarkItAgainOnTheWay() {
        // given
        Label fraud = new Label("tx-1", "card-1", Label.Verdict.FRAUD, "alice", T0, T0.plus(Duration.ofMinutes(20)));
        Label legitimate = new Label("tx-2", "card-1", Label.Verdict.LEGITIMATE, "bob", T0.plus(Duration.ofMinutes(30)),
                T0.plus(Duration.ofMinutes(40)));
        send(purchase("tx-1", "20.00", T0));
        label(fraud);
        send(purchase("tx-2", "20.00", T0.plus(Duration.ofMinutes(30))));
        label(legitimate);
        CardProfile lifted = profile("card-1");

        // when
        label(fraud);
        CardProfile midReplay = profile("card-1");
        label(legitimate);

        // then
        assertThat(lifted.mark()).isNull();
        assertThat(midReplay).isEqualTo(lifted);
        assertThat(profile("card-1")).isEqualTo(lifted);
    }

    @Test
    void aVerdictOnACardNeverScoredDeclinesItsFirstTransaction() {
        // given
        label(new Label("tx-0", "card-2", Label.Verdict.FRAUD, "alice", T0, T0.plus(Duration.ofMinutes(5))));

        // when
        Transaction first = transaction("tx-1", "card-2", "20.00", "5411", "DE", BERLIN_LAT, BERLIN_LON,
                T0.plus(Duration.ofMinutes(10)));
        send(first);

        // then
        assertThat(decisions.readValuesToList()).containsExactly(decision(first, Outcome.DECLINE, 1000,
                new Reason("CONFIRMED_FRAUD", 1000,
                        "card confirmed as fraud by alice on tx-0 (2026-11-22T10:00:00Z)")));
    }

    @Test
    void aRuleSetMayWeighConfirmedFraudLikeAnyRule() {
        // given
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("2", 300, 700, Map.of("CONFIRMED_FRAUD", 400), Set.of()));
        label(new Label("tx-0", "card-1", Label.Verdict.FRAUD, "alice", T0, T0.plus(Duration.ofMinutes(5))));

        // when
        Transaction first = purchase("tx-1", "20.00", T0.plus(Duration.ofMinutes(10)));
        send(first);

        // then
        assertThat(decisions.readValuesToList()).containsExactly(decisionUnderRules("2", first, Outcome.REVIEW, 400,
                new Reason("CONFIRMED_FRAUD", 400,
                        "card confirmed as fraud by alice on tx-0 (2026-11-22T10:00:00Z)")));
    }

    @Test
    void setsAMalformedOrUnreadableVerdictAsideUntouchedAndAppliesTheNext() {
        // given
        Label noCardNoVerdict = new Label("tx-1", null, null, "alice", T0, T0.plus(Duration.ofMinutes(5)));
        Label wrongKey = new Label("tx-1", "card-1", Label.Verdict.FRAUD, "alice", T0, T0.plus(Duration.ofMinutes(6)));
        byte[] garbage = "{\"transactionId\": ".getBytes(StandardCharsets.UTF_8);

        // when
        label(noCardNoVerdict);
        labels.pipeInput("tx-2", wrongKey, T0);
        rawLabels.pipeInput("tx-3", garbage, T0);
        labels.pipeInput("tx-4", null, T0);
        label(new Label("tx-1", "card-1", Label.Verdict.FRAUD, "alice", T0, T0.plus(Duration.ofMinutes(7))));

        // then
        List<TestRecord<byte[], byte[]>> setAside = deadLetters.readRecordsToList();
        assertThat(setAside).extracting(record -> DeadLetters.header(record.headers(), DeadLetters.CAUSE))
                .containsExactly("INVALID", "INVALID", "UNDESERIALIZABLE");
        assertThat(setAside).extracting(record -> DeadLetters.header(record.headers(), DeadLetters.ERROR))
                .containsExactly(
                        "io.cardwatch.detector.deadletter.RejectedRecordException: Label of tx-1: cardId is missing, "
                                + "verdict is missing",
                        "io.cardwatch.detector.deadletter.RejectedRecordException: Label of tx-1: key tx-2 is not the "
                                + "transaction ID",
                        "org.apache.kafka.common.errors.SerializationException: Cannot read Label from topic labels");
        assertThat(setAside).extracting(ScoringTopologyTest::coordinates)
                .containsExactly("labels/0/0", "labels/0/1", "labels/0/2");
        assertThat(setAside.get(0).value()).isEqualTo(Topics.LABELS.valueSerde().serializer()
                .serialize(Topics.LABELS.name(), noCardNoVerdict));
        assertThat(setAside.get(2).value()).isEqualTo(garbage);
        assertThat(profile("card-1").mark()).isEqualTo(new FraudMark("tx-1", T0, T0.plus(Duration.ofMinutes(7)),
                "alice"));
    }

    @Test
    void namesEveryProcessorStoreAndBranchOfTheTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, ScoringFixtures.scorer(), ScoringFixtures.policy(Duration.ofHours(1)),
                new ModelsInForce());

        String description = builder.build().describe().toString();

        assertThat(description).contains("transactions-source", "transaction-history-source", "live-and-history",
                "score-transaction", "decisions-sink", "alerts-filter", "alerts-sink", "fraud-rules-source",
                "card-lists-source", "fraud-models-source", "card-profiles", "rule-sets", "card-lists", "fraud-models",
                "labels-source", "labels-without-tombstones", "label-by-card", "labels-by-card-repartition", "apply-label")
                .doesNotContain("KSTREAM-", "KTABLE-");
    }

    /**
     * Sends tx-1 of card-1, alice's verdict that it was fraud, given at {@code fraudLabelledAt}, then tx-2 half an
     * hour after tx-1, which the mark declines; returns tx-2.
     */
    private Transaction declinedAfterFraudOnTx1(Instant fraudLabelledAt) {
        send(purchase("tx-1", "20.00", T0));
        label(new Label("tx-1", "card-1", Label.Verdict.FRAUD, "alice", T0, fraudLabelledAt));
        Transaction declined = purchase("tx-2", "20.00", T0.plus(Duration.ofMinutes(30)));
        send(declined);
        return declined;
    }

    /** Bob's verdict, given at {@code labelledAt}, that {@code transaction} was the holder's own. */
    private static Label legitimate(Transaction transaction, Instant labelledAt) {
        return new Label(transaction.transactionId(), transaction.cardId(), Label.Verdict.LEGITIMATE, "bob",
                transaction.eventTime(), labelledAt);
    }

    /** Publishes {@code label} keyed by its transaction, as the console does, at the time it was given. */
    private void label(Label label) {
        labels.pipeInput(label.transactionId(), label, label.labelledAt());
    }

    private void send(Transaction transaction) {
        transactions.pipeInput(transaction.cardId(), transaction, transaction.eventTime());
    }

    /** Sends {@code transaction} as published at {@code published}: its record timestamp, which drives stream time. */
    private void send(Transaction transaction, Instant published) {
        transactions.pipeInput(transaction.cardId(), transaction, published);
    }

    private List<String> recentOf(String cardId) {
        return profile(cardId).recent().stream().map(Activity::transactionId).toList();
    }

    private CardProfile profile(String cardId) {
        return driver.<String, CardProfile>getKeyValueStore(ScoringTopology.PROFILES_STORE).get(cardId);
    }

    private static String coordinates(TestRecord<byte[], byte[]> deadLetter) {
        return DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_TOPIC) + "/"
                + DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_PARTITION) + "/"
                + DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_OFFSET);
    }

    private static Transaction purchase(String id, String amount, Instant time) {
        return transaction(id, "card-1", amount, "5411", "DE", BERLIN_LAT, BERLIN_LON, time);
    }

    private static Transaction transaction(String id, String card, String amount, String category, String country,
                                           double latitude, double longitude, Instant time) {
        return new Transaction(id, card, new BigDecimal(amount), "EUR", "m-1", category, country, latitude, longitude,
                time);
    }

    /** The decision on {@code transaction} under the configured rule set, version 1. */
    private static Decision decision(Transaction transaction, Outcome outcome, int score, Reason... reasons) {
        return decisionUnderRules("1", transaction, outcome, score, reasons);
    }

    private static Decision decisionUnderRules(String rulesVersion, Transaction transaction, Outcome outcome,
                                               int score, Reason... reasons) {
        return new Decision(transaction.transactionId(), transaction.cardId(), outcome, score, List.of(reasons),
                transaction.amount(), transaction.currency(), transaction.merchantId(), transaction.eventTime(), NOW,
                rulesVersion, transaction.merchantCategory(), transaction.country(), transaction.latitude(),
                transaction.longitude(), transaction.channel());
    }

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}

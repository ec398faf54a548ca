package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.deadletter.DeadLetterDeserializationHandler;
import io.cardwatch.detector.deadletter.DeadLetterProcessingHandler;
import io.cardwatch.detector.profile.AmountStats;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.DeadLetters;
import io.cardwatch.events.Decision;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final double BERLIN_LAT = 52.52;
    private static final double BERLIN_LON = 13.405;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Transaction> transactions;
    private TestInputTopic<byte[], byte[]> rawTransactions;
    private TestInputTopic<String, RuleSet> fraudRules;
    private TestInputTopic<String, ListEntry> cardLists;
    private TestInputTopic<String, byte[]> rawCardLists;
    private TestInputTopic<String, byte[]> rawFraudRules;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<String, Decision> alerts;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startTopology() {
        startTopology(policy(Duration.ofHours(1)));
    }

    private void startTopology(ScoringPolicy policy) {
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, scorer(), policy);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        driver = new TopologyTestDriver(builder.build(), config);
        transactions = driver.createInputTopic(Topics.TRANSACTIONS.name(),
                Topics.TRANSACTIONS.keySerde().serializer(), Topics.TRANSACTIONS.valueSerde().serializer());
        rawTransactions = driver.createInputTopic(Topics.TRANSACTIONS.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        fraudRules = driver.createInputTopic(Topics.FRAUD_RULES.name(),
                Topics.FRAUD_RULES.keySerde().serializer(), Topics.FRAUD_RULES.valueSerde().serializer());
        cardLists = driver.createInputTopic(Topics.CARD_LISTS.name(),
                Topics.CARD_LISTS.keySerde().serializer(), Topics.CARD_LISTS.valueSerde().serializer());
        rawCardLists = driver.createInputTopic(Topics.CARD_LISTS.name(), new StringSerializer(),
                new ByteArraySerializer());
        rawFraudRules = driver.createInputTopic(Topics.FRAUD_RULES.name(), new StringSerializer(),
                new ByteArraySerializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(),
                Topics.DECISIONS.keySerde().deserializer(), Topics.DECISIONS.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
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
    void comparesAnAmountWithTheCardsOwnHistoryOnceItHasOne() {
        sendEveryTenMinutes("40.00", "50.00", "60.00", "50.00", "50.00");
        Transaction unusual = purchase("tx-6", "900.00", T0.plus(Duration.ofHours(1)));

        send(unusual);

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(unusual, Outcome.APPROVE, 250,
                new Reason("AMOUNT_ANOMALY", 250, "amount 900.00 EUR is 120.2 standard deviations above the card's "
                        + "mean 50.00 over 5 transactions, limit 3.0")));
    }

    @Test
    void leavesAColdCardToTheFixedLimitRatherThanItsThinHistory() {
        sendEveryTenMinutes("40.00", "50.00", "60.00", "50.00");
        Transaction unusual = purchase("tx-5", "900.00", T0.plus(Duration.ofHours(1)));

        send(unusual);

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(unusual, Outcome.APPROVE, 0));
    }

    @Test
    void flagsMoreThanFiveTransactionsInAMinute() {
        for (int i = 1; i <= 6; i++) {
            send(purchase("tx-" + i, "10.00", T0.plusSeconds(10L * i)));
        }

        List<Decision> scored = decisions.readValuesToList();

        assertThat(scored).extracting(Decision::score).containsExactly(0, 0, 0, 0, 0, 200);
        assertThat(last(scored).reasons()).containsExactly(
                new Reason("VELOCITY_1M", 200, "6 transactions in 60 s, limit 5"));
    }

    @Test
    void flagsMoreThanTwentyTransactionsInAnHour() {
        for (int i = 1; i <= 21; i++) {
            send(purchase("tx-" + i, "10.00", T0.plus(Duration.ofMinutes(2L * i))));
        }

        assertThat(last(decisions.readValuesToList()).reasons()).containsExactly(
                new Reason("VELOCITY_1H", 150, "21 transactions in 3600 s, limit 20"));
    }

    @Test
    void flagsMoreThanSixtyTransactionsInADay() {
        for (int i = 1; i <= 61; i++) {
            send(purchase("tx-" + i, "10.00", T0.plus(Duration.ofMinutes(20L * i))));
        }

        assertThat(last(decisions.readValuesToList()).reasons()).containsExactly(
                new Reason("VELOCITY_24H", 100, "61 transactions in 86400 s, limit 60"));
    }

    @Test
    void flagsMoreThanTheAmountLimitSpentInADay() {
        send(purchase("tx-1", "9000.00", T0));
        send(purchase("tx-2", "9000.00", T0.plus(Duration.ofHours(4))));
        Transaction third = purchase("tx-3", "9000.00", T0.plus(Duration.ofHours(8)));

        send(third);

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(third, Outcome.REVIEW, 500,
                new Reason("LARGE_AMOUNT", 400, "amount 9000.00 EUR at or over limit 5000"),
                new Reason("VELOCITY_AMOUNT_24H", 100, "27000.00 EUR in 86400 s, limit 25000")));
    }

    @Test
    void flagsMoreThanTheAmountLimitSpentInAnHour() {
        send(purchase("tx-1", "6000.00", T0));
        Transaction second = purchase("tx-2", "4500.00", T0.plus(Duration.ofMinutes(30)));

        send(second);

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(second, Outcome.APPROVE, 150,
                new Reason("VELOCITY_AMOUNT_1H", 150, "10500.00 EUR in 3600 s, limit 10000")));
    }

    @Test
    void flagsATripFasterThanAnAirlinerAndTheFirstUseInANewCountry() {
        send(purchase("tx-1", "20.00", T0));
        Transaction paris = transaction("tx-2", "card-1", "20.00", "5411", "FR", 48.8566, 2.3522,
                T0.plus(Duration.ofMinutes(30)));

        send(paris);

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(paris, Outcome.REVIEW, 450,
                new Reason("IMPOSSIBLE_TRAVEL", 300, "877 km in 1800 s since tx-1: 1755 km/h, limit 900 km/h"),
                new Reason("NEW_COUNTRY", 150, "first transaction in FR, seen before in [DE]")));
    }

    @Test
    void flagsTheFirstUseInANewCountryReachedAtAPlausibleSpeed() {
        send(purchase("tx-1", "20.00", T0));
        Transaction vienna = transaction("tx-2", "card-1", "20.00", "5411", "AT", 48.2082, 16.3738,
                T0.plus(Duration.ofHours(2)));

        send(vienna);

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(vienna, Outcome.APPROVE, 150,
                new Reason("NEW_COUNTRY", 150, "first transaction in AT, seen before in [DE]")));
    }

    @Test
    void flagsAHighRiskMerchantCategory() {
        Transaction casino = transaction("tx-1", "card-1", "50.00", "7995", "DE", BERLIN_LAT, BERLIN_LON, T0);

        send(casino);

        assertThat(decisions.readValuesToList()).containsExactly(decision(casino, Outcome.APPROVE, 150,
                new Reason("HIGH_RISK_MERCHANT", 150, "merchant category 7995 is high risk")));
    }

    @Test
    void flagsABurstOfTinyAmountsFollowedByALargeOne() {
        send(purchase("tx-1", "1.00", T0));
        send(purchase("tx-2", "0.50", T0.plus(Duration.ofMinutes(2))));
        send(purchase("tx-3", "1.99", T0.plus(Duration.ofMinutes(4))));
        Transaction large = purchase("tx-4", "250.00", T0.plus(Duration.ofMinutes(6)));

        send(large);

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(large, Outcome.REVIEW, 400,
                new Reason("CARD_TESTING", 400, "3 transactions of at most 2.00 in 600 s before 250.00, limit 3")));
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
                        new Reason("BLOCKLISTED_MERCHANT", 1000, "merchant m-1 is blocklisted: skimming")));
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

        assertThat(decisions.readValuesToList()).containsExactly(new Decision("tx-1", "card-1", Outcome.DECLINE, 250,
                List.of(new Reason("LARGE_AMOUNT", 250, "amount 6000.00 EUR at or over limit 5000")),
                new BigDecimal("6000.00"), "EUR", "m-1", T0, NOW, "2"));
    }

    @Test
    void keepsTheLastGoodRuleSetWhenAnInvalidOneIsPublished() {
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("2", 100, 200, Map.of(), Set.of()));
        fraudRules.pipeInput(RuleSet.ACTIVE_KEY, new RuleSet("3", 900, 100, Map.of("NO_SUCH_RULE", 10), Set.of()));
        Transaction casino = transaction("tx-1", "card-1", "50.00", "7995", "DE", BERLIN_LAT, BERLIN_LON, T0);

        send(casino);

        assertThat(decisions.readValuesToList()).containsExactly(new Decision("tx-1", "card-1", Outcome.REVIEW, 150,
                List.of(new Reason("HIGH_RISK_MERCHANT", 150, "merchant category 7995 is high risk")),
                new BigDecimal("50.00"), "EUR", "m-1", T0, NOW, "2"));
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
    void scoresALateTransactionAgainstTheTransactionsThatPrecededItInEventTime() {
        for (int i = 0; i < 5; i++) {
            send(purchase("tx-" + i, "10.00", T0.plusSeconds(10L * i)));
        }
        send(purchase("tx-later", "10.00", T0.plusSeconds(100)));
        Transaction late = purchase("tx-late", "10.00", T0.plusSeconds(50));

        send(late);

        List<Decision> scored = decisions.readValuesToList();
        assertThat(scored).extracting(Decision::transactionId, Decision::score).containsExactly(
                tuple("tx-0", 0), tuple("tx-1", 0), tuple("tx-2", 0), tuple("tx-3", 0), tuple("tx-4", 0),
                tuple("tx-later", 0), tuple("tx-late", 200));
        assertThat(last(scored).reasons()).containsExactly(
                new Reason("VELOCITY_1M", 200, "6 transactions in 60 s, limit 5"));
    }

    @Test
    void scoresATransactionLateByTheGraceAgainstItsWholeDayWindow() {
        send(purchase("tx-1", "9000.00", T0));
        send(purchase("tx-2", "9000.00", T0.plus(Duration.ofHours(12))));
        Transaction late = purchase("tx-3", "9000.00", T0.plus(Duration.ofHours(23).plusMinutes(59)));

        send(late, T0.plus(Duration.ofHours(24).plusMinutes(29)));

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(late, Outcome.REVIEW, 500,
                new Reason("LARGE_AMOUNT", 400, "amount 9000.00 EUR at or over limit 5000"),
                new Reason("VELOCITY_AMOUNT_24H", 100, "27000.00 EUR in 86400 s, limit 25000")));
    }

    @Test
    void keepsActivityExactlyTheLongestWindowPlusGraceBehindStreamTime() {
        send(purchase("tx-1", "9000.00", T0));
        send(purchase("tx-2", "9000.00", T0.plus(Duration.ofHours(12))));
        Transaction late = purchase("tx-3", "9000.00", T0.plus(Duration.ofHours(23).plusMinutes(59)));

        send(late, T0.plus(Duration.ofHours(24).plusMinutes(30)));

        assertThat(last(decisions.readValuesToList()).reasons()).extracting(Reason::code)
                .containsExactly("LARGE_AMOUNT", "VELOCITY_AMOUNT_24H");
        assertThat(activityOf("card-1")).containsExactly("tx-1", "tx-2", "tx-3");
    }

    @Test
    void evictsActivityOlderThanTheLongestWindowPlusGraceBeforeScoringALateTransaction() {
        send(purchase("tx-1", "9000.00", T0));
        send(purchase("tx-2", "9000.00", T0.plus(Duration.ofHours(12))));
        Transaction late = purchase("tx-3", "9000.00", T0.plus(Duration.ofHours(23).plusMinutes(59)));

        send(late, T0.plus(Duration.ofHours(24).plusMinutes(30).plusSeconds(1)));

        assertThat(last(decisions.readValuesToList())).isEqualTo(decision(late, Outcome.REVIEW, 400,
                new Reason("LARGE_AMOUNT", 400, "amount 9000.00 EUR at or over limit 5000")));
        assertThat(activityOf("card-1")).containsExactly("tx-2", "tx-3");
    }

    @Test
    void scoresButForgetsTransactionsArrivingLaterThanTheLongestWindowPlusGrace() {
        driver.close();
        startTopology(policy(Duration.ofDays(7)));
        Instant now = T0.plus(Duration.ofHours(25));
        Transaction otherCard = transaction("tx-0", "card-2", "20.00", "5411", "DE", BERLIN_LAT, BERLIN_LON, now);
        send(otherCard);
        Transaction first = purchase("tx-1", "6000.00", T0);
        Transaction second = purchase("tx-2", "6000.00", T0.plus(Duration.ofMinutes(10)));

        send(first, now);
        send(second, now);

        Reason large = new Reason("LARGE_AMOUNT", 400, "amount 6000.00 EUR at or over limit 5000");
        assertThat(decisions.readValuesToList()).containsExactly(decision(otherCard, Outcome.APPROVE, 0),
                decision(first, Outcome.REVIEW, 400, large), decision(second, Outcome.REVIEW, 400, large));
        assertThat(activityOf("card-1")).isEmpty();
        assertThat(profile("card-1").count()).isEqualTo(2);
    }

    @Test
    void dropsATransactionFromTheMinuteWindowExactlyOneMinuteLater() {
        for (int i = 1; i <= 6; i++) {
            send(purchase("tx-" + i, "10.00", T0.plusSeconds(10L * (i - 1))));
        }
        Transaction afterAPause = purchase("tx-7", "10.00", T0.plusSeconds(70));

        send(afterAPause);

        List<Decision> scored = decisions.readValuesToList();
        assertThat(scored).extracting(Decision::score).containsExactly(0, 0, 0, 0, 0, 200, 0);
        assertThat(scored.get(5).reasons()).containsExactly(
                new Reason("VELOCITY_1M", 200, "6 transactions in 60 s, limit 5"));
        assertThat(last(scored)).isEqualTo(decision(afterAPause, Outcome.APPROVE, 0));
    }

    @Test
    void dropsTransactionsFromTheHourWindowOnceAnHourOld() {
        for (int i = 1; i <= 21; i++) {
            send(purchase("tx-" + i, "10.00", T0.plus(Duration.ofMinutes(2L * i))));
        }
        Transaction later = purchase("tx-22", "10.00", T0.plus(Duration.ofMinutes(64)));

        send(later);

        List<Decision> scored = decisions.readValuesToList();
        assertThat(scored.get(20).reasons()).containsExactly(
                new Reason("VELOCITY_1H", 150, "21 transactions in 3600 s, limit 20"));
        assertThat(last(scored)).isEqualTo(decision(later, Outcome.APPROVE, 0));
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
                        + "key card-1 is not the card ID");
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

        List<Long> byHour = new ArrayList<>(Collections.nCopies(24, 0L));
        byHour.set(10, 1L);
        byHour.set(11, 2L);
        assertThat(profile("card-1")).isEqualTo(new CardProfile("card-1", 3, Map.of("EUR", new AmountStats(3, 60, 800)),
                T0.plus(Duration.ofMinutes(90)), 48.2082, 16.3738, "AT", Set.of("AT", "DE"), Set.of("5411", "5812"),
                byHour, 11));
    }

    @Test
    void namesEveryProcessorStoreAndBranchOfTheTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, scorer(), policy(Duration.ofHours(1)));

        String description = builder.build().describe().toString();

        assertThat(description).contains("transactions-source", "score-transaction", "decisions-sink",
                "alerts-filter", "alerts-sink", "fraud-rules-source", "card-lists-source", "card-profiles",
                "card-activity", "seen-transactions", "rule-sets", "card-lists")
                .doesNotContain("KSTREAM-", "KTABLE-");
    }

    static Scorer scorer() {
        var configuration = new ScoringConfiguration(300, 700, "1", Duration.ofDays(7), Duration.ofHours(1),
                Duration.ofMinutes(30),
                new BigDecimal("5000"), 400, 5, 3.0, 5, 20, 60, new BigDecimal("10000"), new BigDecimal("25000"),
                900, 100, Set.of("4829", "5967", "6051", "7995"), new BigDecimal("2.00"), 3, new BigDecimal("100"),
                Duration.ofMinutes(10), Set.of("m-test"), Set.of("test-"));
        return new Scorer(ScoringStreamFactory.rules(configuration), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Grace 30 minutes: the card activity is kept for 24 h 30 min behind stream time. */
    static ScoringPolicy policy(Duration maxAge) {
        return new ScoringPolicy(Duration.ofDays(7), maxAge, Duration.ofMinutes(30),
                new PreScoringFilter(Set.of("m-test"), Set.of("test-")), new RuleSet("1", 300, 700, Map.of(), Set.of()));
    }

    private void send(Transaction transaction) {
        transactions.pipeInput(transaction.cardId(), transaction, transaction.eventTime());
    }

    /** Sends {@code transaction} as published at {@code published}: its record timestamp, which drives stream time. */
    private void send(Transaction transaction, Instant published) {
        transactions.pipeInput(transaction.cardId(), transaction, published);
    }

    private List<String> activityOf(String cardId) {
        return driver.<String, CardActivity>getKeyValueStore(ScoringTopology.ACTIVITY_STORE).get(cardId).recent()
                .stream().map(Activity::transactionId).toList();
    }

    private void sendEveryTenMinutes(String... amounts) {
        for (int i = 0; i < amounts.length; i++) {
            send(purchase("tx-" + (i + 1), amounts[i], T0.plus(Duration.ofMinutes(10L * i))));
        }
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

    private static Decision decision(Transaction transaction, Outcome outcome, int score, Reason... reasons) {
        return new Decision(transaction.transactionId(), transaction.cardId(), outcome, score, List.of(reasons),
                transaction.amount(), transaction.currency(), transaction.merchantId(), transaction.eventTime(), NOW,
                "1");
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

package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Label;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CardProfileTest {

    private static final String CARD = "card-1";
    /** The defaults of ScoringConfiguration: habit half-life P30D, activity kept 24 h + 1 h grace, IDs P7D. */
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final double BERLIN_LAT = 52.52;
    private static final double BERLIN_LON = 13.405;
    private static final double PARIS_LAT = 48.8566;
    private static final double PARIS_LON = 2.3522;

    @ParameterizedTest(name = "[{index}] second transaction {0} after the first: weight {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # time from the first transaction to the second | weight of the two
            PT0S   | 2.0
            P15D   | 1.7071067811865475
            P30D   | 1.5
            P60D   | 1.25
            # a late transaction (before the card's latest) fades nothing
            -P1D   | 2.0
            """)
    void habitsFadeByHalfInEveryHalfLifeOfEventTime(Duration elapsed, double weight) {
        // given
        CardProfile first = berlinPurchasesAtHours(0);

        // when
        CardProfile profile = first.with(purchase("tx-2", "m-1", T0.plus(elapsed), BERLIN_LAT, BERLIN_LON,
                Channel.CARD_PRESENT), SETTINGS);

        // then
        assertThat(profile.count()).isEqualTo(2);
        assertThat(profile.amountsIn("EUR").weight()).isCloseTo(weight, within(1e-12));
        assertThat(profile.amountsIn("EUR", "5411").weight()).isCloseTo(weight, within(1e-12));
        assertThat(profile.habitWeight()).isCloseTo(weight, within(1e-12));
        assertThat(profile.weekdays().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(weight,
                within(1e-12));
        assertThat(profile.home().weight()).isCloseTo(weight, within(1e-12));
        assertThat(profile.knownChannelWeight()).isCloseTo(weight, within(1e-12));
        assertThat(profile.channelWeight(Channel.CARD_PRESENT)).isCloseTo(weight, within(1e-12));
    }

    @Test
    void aPastDayWeighsHalfAfterOneHalfLife() {
        // given
        CardProfile first = berlinPurchasesAtHours(0);

        // when
        CardProfile profile = first.with(purchase("tx-2", "m-1", T0.plus(Duration.ofDays(30)), BERLIN_LAT, BERLIN_LON,
                Channel.CARD_PRESENT), SETTINGS);

        // then
        assertThat(profile.days().counts().weight()).isEqualTo(0.5);
        assertThat(profile.days().counts().mean()).isEqualTo(1.0);
        assertThat(profile.days().spends().weight()).isEqualTo(0.5);
        assertThat(profile.days().spends().mean()).isEqualTo(25.0);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # merchants in the order used | merchants known, most recent first
            m-1             | m-1
            m-1 m-2 m-3     | m-3 m-2 m-1
            m-1 m-2 m-1     | m-1 m-2
            m-1 m-1 m-1     | m-1
            m-1 m-2 m-3 m-2 | m-2 m-3 m-1
            """)
    void knowsItsMerchantsMostRecentFirst(String used, String known) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        String[] merchants = used.split(" ");
        for (int i = 0; i < merchants.length; i++) {
            profile = profile.with(purchase("tx-" + i, merchants[i], T0.plus(Duration.ofHours(i)), BERLIN_LAT,
                    BERLIN_LON, Channel.CARD_PRESENT), SETTINGS);
        }

        // then
        assertThat(profile.merchants()).containsExactly(known.split(" "));
    }

    @Test
    void remembersTheLatest64MerchantsAnd32Categories() {
        // given
        CardProfile profile = CardProfile.empty(CARD);

        // when
        for (int i = 1; i <= 70; i++) {
            profile = profile.with(new Transaction("tx-" + i, CARD, new BigDecimal("25.00"), "EUR", "m-" + i,
                    "c-" + i, "DE", BERLIN_LAT, BERLIN_LON, T0.plus(Duration.ofHours(i)), Channel.CARD_PRESENT),
                    SETTINGS);
        }

        // then
        assertThat(profile.merchants()).hasSize(64).startsWith("m-70", "m-69").endsWith("m-8", "m-7");
        assertThat(profile.knowsMerchant("m-7")).isTrue();
        assertThat(profile.knowsMerchant("m-6")).isFalse();
        assertThat(profile.categories()).hasSize(32).startsWith("c-70").endsWith("c-39");
        assertThat(profile.knowsCategory("c-39")).isTrue();
        assertThat(profile.knowsCategory("c-38")).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}: recent {1}, seen {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # transactions in the order they arrive, ID@hours after T0 | recent (kept 25 h) | seen (kept 7 days)
            tx-1@0 tx-2@24 tx-3@26   | tx-2 tx-3      | tx-1 tx-2 tx-3
            # exactly 25 hours before the latest is still kept
            tx-1@0 tx-2@25           | tx-1 tx-2      | tx-1 tx-2
            tx-1@0 tx-2@24 tx-3@192  | tx-3           | tx-2 tx-3
            tx-1@0 tx-2@24 tx-3@193  | tx-3           | tx-3
            # measured from the card's latest event time, not from the transaction arriving last
            tx-1@10 tx-2@40 tx-3@20  | tx-3 tx-2      | tx-1 tx-2 tx-3
            tx-1@26 tx-2@2           | tx-2 tx-1      | tx-1 tx-2
            # a late transaction no window still scored can contain is not kept for the windows
            tx-1@26 tx-2@0           | tx-1           | tx-1 tx-2
            """)
    void dropsRecentActivityAndSeenIdsRelativeToTheCardsLatestEventTime(String arrivals, String recent, String seen) {
        // given
        CardProfile profile = CardProfile.empty(CARD);

        // when
        for (String arrival : arrivals.split(" ")) {
            String[] idAndHours = arrival.split("@");
            profile = profile.with(purchase(idAndHours[0], "m-1", T0.plus(Duration.ofHours(Long.parseLong(idAndHours[1]))),
                    BERLIN_LAT, BERLIN_LON, Channel.CARD_PRESENT), SETTINGS);
        }

        // then
        assertThat(profile.recent()).extracting(Activity::transactionId).containsExactly(recent.split(" "));
        assertThat(profile.seen()).extracting(Seen::transactionId).containsExactly(seen.split(" "));
    }

    @ParameterizedTest(name = "[{index}] {0}: seen {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tx-1 | true
            tx-2 | true
            tx-3 | false
            """)
    void hasSeenTheIdsOfItsTransactions(String transactionId, boolean seen) {
        // given
        CardProfile profile = berlinPurchasesAtHours(0, 1);

        // then
        assertThat(profile.hasSeen(transactionId)).isEqualTo(seen);
    }

    @ParameterizedTest(name = "[{index}] {0}: before the horizon {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # the card's latest transaction is at 2026-11-10T12:00:00Z, IDs are kept 7 days
            2026-11-03T12:00:00Z     | false
            2026-11-03T11:59:59.999Z | true
            2026-10-01T00:00:00Z     | true
            2026-11-10T11:00:00Z     | false
            2026-11-11T12:00:00Z     | false
            """)
    void aTransactionTooLongBeforeTheLatestIsBeforeTheHorizon(Instant eventTime, boolean beforeHorizon) {
        // given
        CardProfile profile = CardProfile.empty(CARD).with(purchase("tx-1", "m-1",
                Instant.parse("2026-11-10T12:00:00Z"), BERLIN_LAT, BERLIN_LON, Channel.CARD_PRESENT), SETTINGS);

        // then
        assertThat(profile.beforeHorizon(eventTime, SETTINGS)).isEqualTo(beforeHorizon);
    }

    @Test
    void nothingIsBeforeTheHorizonOfANewCard() {
        assertThat(CardProfile.empty(CARD).beforeHorizon(Instant.parse("1970-01-01T00:00:00Z"), SETTINGS)).isFalse();
    }

    @Test
    void aLateUnscoredTransactionFadesNothing() {
        // given
        CardProfile profile = berlinPurchasesAtHours(0, 2);

        // when
        CardProfile seen = profile.withSeen(purchase("tx-3", "m-test", T0.plus(Duration.ofHours(1)), BERLIN_LAT,
                BERLIN_LON, Channel.CARD_PRESENT), SETTINGS);

        // then
        assertThat(seen.hasSeen("tx-3")).isTrue();
        assertThat(seen.lastEventTime()).isEqualTo(profile.lastEventTime());
        assertThat(seen.amounts()).isEqualTo(profile.amounts());
        assertThat(seen.hours()).isEqualTo(profile.hours());
        assertThat(seen.weekdays()).isEqualTo(profile.weekdays());
        assertThat(seen.days()).isEqualTo(profile.days());
        assertThat(seen.home()).isEqualTo(profile.home());
        assertThat(seen.channels()).isEqualTo(profile.channels());
    }

    @Test
    void habitsLearntAfterAnUnscoredTransactionFadeFromTheLastOneLearnt() {
        // given: a transaction learnt, a half-life later one that was not scored
        CardProfile profile = berlinPurchasesAtHours(0)
                .withSeen(purchase("tx-2", "m-test", T0.plus(Duration.ofDays(30)), BERLIN_LAT, BERLIN_LON,
                        Channel.CARD_PRESENT), SETTINGS);

        // when: the next one is learnt at the same time
        CardProfile after = profile.with(purchase("tx-3", "m-1", T0.plus(Duration.ofDays(30)), BERLIN_LAT, BERLIN_LON,
                Channel.CARD_PRESENT), SETTINGS);

        // then: the first has faded by half, as it does without the unscored transaction between
        assertThat(after.amountsIn("EUR").weight()).isEqualTo(1.5);
        assertThat(after.habitWeight()).isEqualTo(1.5);
        assertThat(after.home().weight()).isEqualTo(1.5);
        assertThat(after.channelWeight(Channel.CARD_PRESENT)).isEqualTo(1.5);
    }

    @ParameterizedTest(name = "[{index}] suspects {0}: last alert {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # suspect transactions in the order scored, time@whether alerted on their own evidence | last alert
            2026-11-10T12:00:00Z@own                                 | 2026-11-10T12:00:00Z
            2026-11-10T12:00:00Z@own 2026-11-10T13:00:00Z@own        | 2026-11-10T13:00:00Z
            2026-11-10T13:00:00Z@own 2026-11-10T12:00:00Z@own        | 2026-11-10T13:00:00Z
            # an alert raised only by the escalation opens no window
            2026-11-10T12:00:00Z@escalated                           | -
            2026-11-10T12:00:00Z@own 2026-11-10T13:00:00Z@escalated  | 2026-11-10T12:00:00Z
            """)
    void keepsTheLatestAlertOnItsOwnEvidence(String suspects, Instant last) {
        // given
        CardProfile profile = berlinPurchasesAtHours(0);

        // when
        String[] each = suspects.split(" ");
        for (int i = 0; i < each.length; i++) {
            String[] timeAndEvidence = each[i].split("@");
            profile = profile.withSuspect(purchase("tx-suspect-" + i, "m-1", Instant.parse(timeAndEvidence[0]),
                    BERLIN_LAT, BERLIN_LON, Channel.CARD_PRESENT), SETTINGS, timeAndEvidence[1].equals("own"));
        }

        // then
        assertThat(profile.lastAlertTime()).isEqualTo(last);
        assertThat(profile.count()).isEqualTo(1 + each.length);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unlearntTransactions")
    void anUnscoredOrSuspectTransactionTeachesNoHabitButHabitsStillFadeToItsTime(
            UnaryOperator<CardProfile> takeInTx3, int count, List<Tuple> recent, Instant lastAlertTime, int dayCount,
            double daySpend) {
        // given
        CardProfile profile = berlinPurchasesAtHours(0, 1);
        // An hour after tx-2, of a half-life of 30 days: tx-2 weighs 0.5^(1/720), tx-1 (12:53 local) 0.5^(2/720).
        double oneHour = Math.pow(0.5, 1.0 / 720);
        double bothWeigh = oneHour + oneHour * oneHour;

        // when
        CardProfile after = takeInTx3.apply(profile);

        // then: tx-3 is remembered, and counted as the table says
        assertThat(after.hasSeen("tx-3")).isTrue();
        assertThat(after.seen()).extracting(Seen::transactionId).containsExactly("tx-1", "tx-2", "tx-3");
        assertThat(after.count()).isEqualTo(count);
        assertThat(after.recent()).extracting(Activity::transactionId, Activity::alerted).containsExactlyElementsOf(recent);
        assertThat(after.lastAlertTime()).isEqualTo(lastAlertTime);
        // in the day so far (14:09 local in Paris, the same local day as the two in Berlin), with nothing folded
        assertThat(after.days()).usingRecursiveComparison().ignoringFields("count", "spend").isEqualTo(profile.days());
        assertThat(after.days().count()).isEqualTo(dayCount);
        assertThat(after.days().spend()).isEqualTo(daySpend);
        // but nothing of its habits is learnt, nor does it say where the card is
        assertThat(after.amounts()).containsOnlyKeys("EUR", "EUR groceries");
        assertThat(after.merchants()).containsExactly("m-1");
        assertThat(after.categories()).containsExactly("5411");
        assertThat(after.countries()).containsExactly("DE");
        assertThat(after.channels()).containsOnlyKeys(Channel.CARD_PRESENT);
        assertThat(after.lastLatitude()).isEqualTo(BERLIN_LAT);
        assertThat(after.lastLongitude()).isEqualTo(BERLIN_LON);
        assertThat(after.lastCountry()).isEqualTo("DE");
        assertThat(after.latestLocatedAtOrBefore(T0.plus(Duration.ofHours(2))))
                .map(Activity::transactionId).contains("tx-2");
        // while the habits fade to its time, as they would were it learnt
        assertThat(after.lastEventTime()).isEqualTo(T0.plus(Duration.ofHours(2)));
        for (String key : new String[] {"EUR", "EUR groceries"}) {
            assertThat(after.amounts().get(key).weight()).isCloseTo(bothWeigh, within(1e-12));
            assertThat(after.amounts().get(key).mean()).isEqualTo(profile.amounts().get(key).mean());
            assertThat(after.amounts().get(key).sumOfSquaredDeviations()).isZero();
        }
        assertThat(after.hours().get(12)).isCloseTo(oneHour * oneHour, within(1e-12));
        assertThat(after.hours().get(13)).isCloseTo(oneHour, within(1e-12));
        assertThat(after.habitWeight()).isCloseTo(bothWeigh, within(1e-12));
        // 2026-11-01 is a Sunday
        assertThat(after.weekdays().get(6)).isCloseTo(bothWeigh, within(1e-12));
        assertThat(after.weekdays().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(bothWeigh,
                within(1e-12));
        assertThat(after.home().weight()).isCloseTo(bothWeigh, within(1e-12));
        assertThat(after.home().latitude()).isEqualTo(profile.home().latitude());
        assertThat(after.home().longitude()).isEqualTo(profile.home().longitude());
        assertThat(after.channelWeight(Channel.CARD_PRESENT)).isCloseTo(bothWeigh, within(1e-12));
    }

    /** tx-3, in Paris two hours after tx-1, taken in without being learnt; what it leaves in the count and the day. */
    static Stream<Arguments> unlearntTransactions() {
        return Stream.of(
                // not scored: only its ID is remembered
                Arguments.of(Named.<UnaryOperator<CardProfile>>of("withSeen of an unscored transaction",
                                profile -> profile.withSeen(new Transaction("tx-3", CARD, new BigDecimal("999.00"),
                                        "USD", "m-test", "7995", "FR", PARIS_LAT, PARIS_LON,
                                        T0.plus(Duration.ofHours(2)), Channel.ECOMMERCE), SETTINGS)),
                        2, List.of(tuple("tx-1", false), tuple("tx-2", false)), null, 2, 50.0),
                // suspect: counted in its day and kept for the windows, marked as alerted
                Arguments.of(Named.<UnaryOperator<CardProfile>>of("withSuspect of an alerted transaction",
                                profile -> profile.withSuspect(new Transaction("tx-3", CARD, new BigDecimal("999.00"),
                                        "EUR", "m-2", "7995", "FR", PARIS_LAT, PARIS_LON,
                                        T0.plus(Duration.ofHours(2)), Channel.CARD_PRESENT), SETTINGS, true)),
                        3, List.of(tuple("tx-1", false), tuple("tx-2", false), tuple("tx-3", true)),
                        T0.plus(Duration.ofHours(2)), 3, 1049.0));
    }

    @ParameterizedTest(name = "[{index}] Paris {0} after Berlin: last in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Paris, relative to Berlin | last country | last latitude | last longitude | last event time
            PT1H  | FR | 48.8566 | 2.3522 | 2026-11-01T13:00:00Z
            PT0S  | FR | 48.8566 | 2.3522 | 2026-11-01T12:00:00Z
            -PT1H | DE | 52.52   | 13.405 | 2026-11-01T12:00:00Z
            """)
    void locatesTheCardByItsLatestTransactionInEventTime(Duration parisAfterBerlin, String country, double latitude,
                                                        double longitude, Instant lastEventTime) {
        // given
        CardProfile berlin = berlinPurchasesAtHours(0);

        // when
        CardProfile profile = berlin.with(new Transaction("tx-2", CARD, new BigDecimal("25.00"), "EUR", "m-2", "5411",
                "FR", PARIS_LAT, PARIS_LON, T0.plus(parisAfterBerlin), Channel.CARD_PRESENT), SETTINGS);

        // then
        assertThat(profile.lastCountry()).isEqualTo(country);
        assertThat(profile.lastLatitude()).isEqualTo(latitude);
        assertThat(profile.lastLongitude()).isEqualTo(longitude);
        assertThat(profile.lastEventTime()).isEqualTo(lastEventTime);
        assertThat(profile.countries()).containsExactly("DE", "FR");
    }

    @Test
    void aNewCardHasNoHabits() {
        CardProfile profile = CardProfile.empty(CARD);

        assertThat(profile.count()).isZero();
        assertThat(profile.lastEventTime()).isNull();
        assertThat(profile.hours()).hasSize(24).containsOnly(0.0);
        assertThat(profile.weekdays()).hasSize(7).containsOnly(0.0);
        assertThat(profile.habitWeight()).isZero();
        assertThat(profile.shareOfHours(3, 1)).isZero();
        assertThat(profile.amountsIn("EUR").weight()).isZero();
        assertThat(profile.knownChannelWeight()).isZero();
        assertThat(profile.home().weight()).isZero();
        assertThat(profile.latestLocatedAtOrBefore(T0)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}: mark {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # verdicts in the order they arrive, FRAUD or LEGITIMATE:ID@event hour/labelled hour
            #                                                       | mark left, ID@event hour/labelled hour
            FRAUD:tx-9@0/1                                          | tx-9@0/1
            # a corrected verdict on the marked transaction lifts the mark
            FRAUD:tx-9@0/1 LEGITIMATE:tx-9@0/2                      | -
            # a legitimate transaction after the fraud: the card is back in its holder's hands
            FRAUD:tx-9@0/1 LEGITIMATE:tx-10@2/3                     | -
            # a legitimate transaction before the fraud, or at the same time, says nothing of the card since
            FRAUD:tx-9@2/1 LEGITIMATE:tx-8@1/3                      | tx-9@2/1
            FRAUD:tx-9@2/1 LEGITIMATE:tx-10@2/3                     | tx-9@2/1
            # a verdict given before the latest applied is stale, whatever it says
            FRAUD:tx-9@0/3 LEGITIMATE:tx-10@2/2                     | tx-9@0/3
            FRAUD:tx-9@0/1 LEGITIMATE:tx-9@0/2 FRAUD:tx-9@0/1       | -
            # a replay changes nothing
            FRAUD:tx-9@0/1 FRAUD:tx-9@0/1                           | tx-9@0/1
            # the mark stays on the latest fraud in event time
            FRAUD:tx-9@0/1 FRAUD:tx-12@5/2                          | tx-12@5/2
            FRAUD:tx-12@5/1 FRAUD:tx-9@0/2                          | tx-12@5/1
            FRAUD:tx-12@5/1 FRAUD:tx-9@0/2 LEGITIMATE:tx-10@2/3     | tx-12@5/1
            # a legitimate verdict on an unmarked card only records when it was given; a fraud one given later marks
            LEGITIMATE:tx-10@2/2 FRAUD:tx-9@0/3                     | tx-9@0/3
            LEGITIMATE:tx-10@2/2                                    | -
            """)
    void isMarkedByAFraudVerdictUntilALegitimateOneLiftsIt(String verdicts, String mark) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        Instant latestLabelledAt = null;

        // when
        for (String verdict : verdicts.split(" ")) {
            Label label = label(verdict);
            profile = profile.withLabel(label);
            latestLabelledAt = latestLabelledAt == null || label.labelledAt().isAfter(latestLabelledAt)
                    ? label.labelledAt() : latestLabelledAt;
        }

        // then
        assertThat(profile.mark()).isEqualTo(mark == null ? null : fraudMark(mark));
        assertThat(profile.lastLabelledAt()).isEqualTo(latestLabelledAt);
    }

    @Test
    void aVerdictChangesNoHabitAndItsReplayLeavesTheSameProfile() {
        // given
        CardProfile scored = berlinPurchasesAtHours(0);
        Label fraud = label("FRAUD:tx-1@0/1");

        // when
        CardProfile marked = scored.withLabel(fraud);

        // then
        assertThat(marked).usingRecursiveComparison().ignoringFields("mark", "lastLabelledAt").isEqualTo(scored);
        assertThat(marked.mark()).isEqualTo(new FraudMark("tx-1", T0, T0.plus(Duration.ofHours(1)), "alice"));
        assertThat(marked.withLabel(fraud)).isSameAs(marked);
    }

    /** {@code VERDICT:ID@event hour/labelled hour}, the hours after T0, by alice. */
    private static Label label(String verdict) {
        String[] parts = verdict.split("[:@/]");
        return new Label(parts[1], CARD, Label.Verdict.valueOf(parts[0]), "alice",
                T0.plus(Duration.ofHours(Long.parseLong(parts[2]))),
                T0.plus(Duration.ofHours(Long.parseLong(parts[3]))));
    }

    /** {@code ID@event hour/labelled hour}, the hours after T0, by alice. */
    private static FraudMark fraudMark(String mark) {
        String[] parts = mark.split("[@/]");
        return new FraudMark(parts[0], T0.plus(Duration.ofHours(Long.parseLong(parts[1]))),
                T0.plus(Duration.ofHours(Long.parseLong(parts[2]))), "alice");
    }

    /**
     * A profile learnt from card-1's purchases tx-1, tx-2, … of 25.00 EUR at m-1 (groceries) in Berlin, card
     * present, the given hours after T0.
     */
    private static CardProfile berlinPurchasesAtHours(long... hours) {
        CardProfile profile = CardProfile.empty(CARD);
        for (int i = 0; i < hours.length; i++) {
            profile = profile.with(purchase("tx-" + (i + 1), "m-1", T0.plus(Duration.ofHours(hours[i])), BERLIN_LAT,
                    BERLIN_LON, Channel.CARD_PRESENT), SETTINGS);
        }
        return profile;
    }

    private static Transaction purchase(String id, String merchant, Instant time, double latitude, double longitude,
                                        Channel channel) {
        return new Transaction(id, CARD, new BigDecimal("25.00"), "EUR", merchant, "5411", "DE", latitude, longitude,
                time, channel);
    }
}

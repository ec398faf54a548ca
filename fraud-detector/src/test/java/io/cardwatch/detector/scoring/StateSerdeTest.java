package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.Activity;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.DailyHabit;
import io.cardwatch.detector.profile.DecayingStats;
import io.cardwatch.detector.profile.FraudMark;
import io.cardwatch.detector.profile.HomeArea;
import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.detector.profile.Seen;
import io.cardwatch.events.Channel;
import io.cardwatch.events.JsonSerde;
import io.cardwatch.events.Label;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private static final String STORE = CardProfile.STORE;

    private final JsonSerde<CardProfile> serde = StateSerde.of(CardProfile.class);

    @Test
    void aProfileWithEveryFieldSetReadsBackUnchanged() {
        // given
        List<Double> hours = List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 1.5, 0.0, 0.0, 0.0,
                2.9375, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.1, 0.0, 0.0, 0.0, 0.0);
        CardProfile profile = new CardProfile(
                "card-1",
                6,
                Instant.parse("2026-11-20T10:16:00.000000001Z"),
                52.52,
                13.405,
                "DE",
                Map.of("EUR", new DecayingStats(5.5, 3.912023005428146, 0.8125),
                        "EUR groceries", new DecayingStats(4.75, 3.8066624897703196, 0.3),
                        "JPY", new DecayingStats(1.0, 6.907755278982137, 0.0)),
                hours,
                List.of(1.0, 0.5, 0.0, 2.25, 0.0, 1.0, 1.0),
                new DailyHabit(20777, 2, 62.5, "EUR", new DecayingStats(3.5, 1.25, 0.75),
                        new DecayingStats(3.5, 48.2, 120.5)),
                List.of("m-3", "m-1", "m-2"),
                List.of("5411", "5812", "groceries-online"),
                Set.of("DE", "JP"),
                new HomeArea(4.5, 52.5123, 13.3999),
                Map.of(Channel.CARD_PRESENT, 4.5, Channel.ATM, 0.25, Channel.ECOMMERCE, 1.0, Channel.MAIL_PHONE, 0.125),
                List.of(new Activity("tx-5", Instant.parse("2026-11-20T10:15:30.123456789Z"), new BigDecimal("12.50"),
                                "EUR", 52.52, 13.405, Channel.CARD_PRESENT, false),
                        new Activity("tx-6", Instant.parse("2026-11-20T10:16:00.000000001Z"), new BigDecimal("1000"),
                                "JPY", 35.6762, 139.6503, null, true)),
                List.of(new Seen("tx-1", Instant.parse("2026-11-14T08:00:00.5Z")),
                        new Seen("tx-5", Instant.parse("2026-11-20T10:15:30.123456789Z")),
                        new Seen("tx-6", Instant.parse("2026-11-20T10:16:00.000000001Z"))),
                Instant.parse("2026-11-20T10:15:30.987654321Z"),
                new FraudMark("tx-6", Instant.parse("2026-11-20T10:16:00.000000001Z"),
                        Instant.parse("2026-11-20T11:02:13.5Z"), "alice"),
                Instant.parse("2026-11-20T11:02:13.5Z"));

        // when
        CardProfile readBack = serde.deserialize(STORE, serde.serialize(STORE, profile));

        // then
        assertThat(readBack).isEqualTo(profile);
        assertThat(readBack.recent().get(0).amount()).hasToString("12.50");
        assertThat(readBack.recent().get(0).eventTime()).isEqualTo(Instant.parse("2026-11-20T10:15:30.123456789Z"));
        assertThat(readBack.lastAlertTime().getNano()).isEqualTo(987_654_321);
        assertThat(readBack.channels()).containsExactly(Map.entry(Channel.CARD_PRESENT, 4.5),
                Map.entry(Channel.ECOMMERCE, 1.0), Map.entry(Channel.ATM, 0.25), Map.entry(Channel.MAIL_PHONE, 0.125));
        assertThat(readBack.days().counts().mean()).isEqualTo(1.25);
        assertThat(readBack.mark().eventTime().getNano()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aProfileStoredBeforeVerdictsWereKeptReadsAsAnUnmarkedOne() {
        // given: a profile as the detector stored it before it kept verdicts, without their two fields
        ProfileSettings settings = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25), Duration.ofDays(7));
        CardProfile learnt = CardProfile.empty("card-1").with(new Transaction("tx-1", "card-1",
                new BigDecimal("42.10"), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                Instant.parse("2026-11-18T09:12:45Z"), Channel.CARD_PRESENT), settings);
        JsonSerde<Map> fields = StateSerde.of(Map.class);
        Map stored = fields.deserialize(STORE, serde.serialize(STORE, learnt));
        stored.remove("mark");
        stored.remove("lastLabelledAt");
        byte[] storedBefore = fields.serialize(STORE, stored);

        // when
        CardProfile readBack = serde.deserialize(STORE, storedBefore);

        // then
        assertThat(readBack).isEqualTo(learnt);
        assertThat(readBack.mark()).isNull();
        assertThat(readBack.lastLabelledAt()).isNull();
    }

    @Test
    void aMarkedCardsProfileReadsBackUnchanged() {
        // given: a card never scored, confirmed as fraud
        CardProfile profile = CardProfile.empty("card-1").withLabel(new Label("tx-9", "card-1", Label.Verdict.FRAUD,
                "alice", Instant.parse("2026-11-03T10:00:00Z"), Instant.parse("2026-11-03T14:30:00Z")));

        // when
        CardProfile readBack = serde.deserialize(STORE, serde.serialize(STORE, profile));

        // then
        assertThat(readBack).isEqualTo(profile);
        assertThat(readBack.mark()).isEqualTo(new FraudMark("tx-9", Instant.parse("2026-11-03T10:00:00Z"),
                Instant.parse("2026-11-03T14:30:00Z"), "alice"));
    }

    @Test
    void aProfileLearntFromTransactionsReadsBackUnchanged() {
        // given
        ProfileSettings settings = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25), Duration.ofDays(7));
        Instant start = Instant.parse("2026-11-18T09:12:45.123456789Z");
        CardProfile profile = CardProfile.empty("card-1")
                .with(new Transaction("tx-1", "card-1", new BigDecimal("42.10"), "EUR", "m-1", "5411", "DE", 52.52,
                        13.405, start, Channel.CARD_PRESENT), settings)
                .with(new Transaction("tx-2", "card-1", new BigDecimal("19.99"), "EUR", "m-2", "5812", "DE", 52.5,
                        13.4, start.plus(Duration.ofHours(26).plusNanos(1)), Channel.ECOMMERCE), settings)
                .withSuspect(new Transaction("tx-3", "card-1", new BigDecimal("3000"), "JPY", "m-3", "5499", "JP",
                        35.6762, 139.6503, start.plus(Duration.ofHours(30)), null), settings, true);

        // when
        CardProfile readBack = serde.deserialize(STORE, serde.serialize(STORE, profile));

        // then
        assertThat(readBack).isEqualTo(profile);
    }

    @Test
    void aNewCardsProfileWithItsEmptyFieldsReadsBackUnchanged() {
        // given
        CardProfile profile = CardProfile.empty("card-1");

        // when
        CardProfile readBack = serde.deserialize(STORE, serde.serialize(STORE, profile));

        // then
        assertThat(readBack).isEqualTo(profile);
    }

    @Test
    void aCardWithNoStateIsNull() {
        assertThat(serde.serialize(STORE, null)).isNull();
        assertThat(serde.deserialize(STORE, null)).isNull();
    }
}

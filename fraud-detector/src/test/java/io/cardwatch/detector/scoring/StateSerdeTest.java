package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.JsonSerde;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private final JsonSerde<CardActivity> serde = StateSerde.of(CardActivity.class);

    @Test
    void aCardsActivityReadsBackExactlyToTheNanosecondAndTheAmountsScale() {
        // given
        CardActivity activity = new CardActivity(List.of(
                new Activity("tx-1", Instant.parse("2026-11-20T10:15:30.123456789Z"), new BigDecimal("12.50"), "EUR",
                        52.52, 13.405),
                new Activity("tx-2", Instant.parse("2026-11-20T10:16:00Z"), new BigDecimal("1000"), "JPY", 35.6762,
                        139.6503)));

        // when
        CardActivity readBack = serde.deserialize("card-activity", serde.serialize("card-activity", activity));

        // then
        assertThat(readBack).isEqualTo(activity);
        assertThat(readBack.recent().get(0).amount()).hasToString("12.50");
    }

    @Test
    void aCardWithNoStateIsNull() {
        assertThat(serde.serialize("card-activity", null)).isNull();
        assertThat(serde.deserialize("card-activity", null)).isNull();
    }
}

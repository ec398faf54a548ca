package io.cardwatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Transaction TRANSACTION = new Transaction("tx-1", "card-1", new BigDecimal("12.50"), "EUR",
            "m-1", "5411", "DE", 52.52, 13.405, Instant.parse("2026-11-22T10:15:30Z"));

    @Test
    void writesTransactionsAsJsonWithIsoTimesAndExactAmounts() {
        byte[] bytes = Topics.TRANSACTIONS.valueSerde().serializer().serialize("transactions", TRANSACTION);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"transactionId\":\"tx-1\",\"cardId\":\"card-1\",\"amount\":12.50,\"currency\":\"EUR\","
                        + "\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"country\":\"DE\","
                        + "\"latitude\":52.52,\"longitude\":13.405,\"eventTime\":\"2026-11-22T10:15:30Z\","
                        + "\"channel\":null}");
    }

    @Test
    void readsBackWhatItWroteAndToleratesFieldsItDoesNotKnow() {
        String json = "{\"transactionId\":\"tx-1\",\"cardId\":\"card-1\",\"amount\":12.50,\"currency\":\"EUR\","
                + "\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"latitude\":52.52,"
                + "\"longitude\":13.405,\"eventTime\":\"2026-11-22T10:15:30Z\",\"addedLater\":true}";

        Transaction read = Topics.TRANSACTIONS.valueSerde().deserializer()
                .deserialize("transactions", json.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(TRANSACTION);
    }

    @Test
    void roundTripsDecisionsWithTheirReasons() {
        Decision decision = new Decision("tx-1", "card-1", Outcome.REVIEW, 400,
                List.of(new Reason("LARGE_AMOUNT", 400, "amount 5000.00 EUR over limit 1000.00")),
                new BigDecimal("5000.00"), "EUR", "m-1", Instant.parse("2026-11-22T10:15:30Z"),
                Instant.parse("2026-11-22T10:15:30.020Z"), "skeleton-1", "5411", "DE", 52.52, 13.405,
                Channel.ECOMMERCE);
        var serde = Topics.DECISIONS.valueSerde();

        Decision read = serde.deserializer().deserialize("decisions", serde.serializer().serialize("decisions", decision));

        assertThat(read).isEqualTo(decision);
    }

    @Test
    void readsADecisionWrittenBeforeItCarriedTheTransactionsFactsWithThoseFactsNull() {
        String json = "{\"transactionId\":\"tx-1\",\"cardId\":\"card-1\",\"outcome\":\"REVIEW\",\"score\":400,"
                + "\"reasons\":[{\"code\":\"LARGE_AMOUNT\",\"points\":400,\"detail\":\"amount 9000.00 EUR\"}],"
                + "\"amount\":9000.00,\"currency\":\"EUR\",\"merchantId\":\"m-1\",\"eventTime\":\"2026-11-22T10:15:30Z\","
                + "\"decidedAt\":\"2026-11-22T10:15:30.020Z\",\"rulesVersion\":\"1\"}";

        Decision read = Topics.DECISIONS.valueSerde().deserializer()
                .deserialize("decisions", json.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(new Decision("tx-1", "card-1", Outcome.REVIEW, 400,
                List.of(new Reason("LARGE_AMOUNT", 400, "amount 9000.00 EUR")), new BigDecimal("9000.00"), "EUR",
                "m-1", Instant.parse("2026-11-22T10:15:30Z"), Instant.parse("2026-11-22T10:15:30.020Z"), "1", null,
                null, null, null, null));
    }

    @Test
    void rejectsBytesThatAreNotJsonWithAKafkaSerializationError() {
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.TRANSACTIONS.valueSerde().deserializer().deserialize("transactions", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot read Transaction from topic transactions");
    }
}

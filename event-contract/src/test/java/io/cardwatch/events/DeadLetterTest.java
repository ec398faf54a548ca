package io.cardwatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            UNDESERIALIZABLE     | transactions | 2 | 41 | card-1          | {not json                 | Cannot read Transaction from topic transactions
            INVALID              | card-lists   | 0 | 7  | card-unprefixed | {"list": "BLOCK"}         | Invalid list entry: key must be card:<cardId> or merchant:<merchantId>
            TOO_OLD              | transactions | 1 | 0  | card-2          | {"transactionId": "tx-3"} | Transaction tx-3 is more than PT168H before the latest of card card-2
            REJECTED_BY_DATABASE | decisions    | 2 | 9  | card-3          | {"currency": "EURO"}      | value too long for type character(3)
            """)
    void keepsTheOriginalRecordAndSaysWhyAndWhereFrom(DeadLetterCause cause, String topic, int partition, long offset,
                                                     String key, String value, String message) {
        var source = new ConsumerRecord<>(topic, partition, offset, bytes(key), bytes(value));
        source.headers().add(EventHeaders.PRODUCER_ID, bytes("acquirer-1"));

        ProducerRecord<byte[], byte[]> deadLetter = DeadLetter.of(cause, new RuntimeException(message), source)
                .toRecord();

        assertThat(deadLetter.topic()).isEqualTo("dead-letters");
        assertThat(deadLetter.partition()).isNull();
        assertThat(deadLetter.timestamp()).isNull();
        assertThat(deadLetter.key()).isEqualTo(bytes(key));
        assertThat(deadLetter.value()).isEqualTo(bytes(value));
        assertThat(deadLetter.headers().toArray()).extracting(Header::key, header -> text(header.value()))
                .containsExactly(
                        tuple("cardwatch.producer-id", "acquirer-1"),
                        tuple("cardwatch.dead-letter.cause", cause.name()),
                        tuple("cardwatch.dead-letter.error",
                                "java.lang.RuntimeException: " + message),
                        tuple("cardwatch.dead-letter.source-topic", topic),
                        tuple("cardwatch.dead-letter.source-partition", Integer.toString(partition)),
                        tuple("cardwatch.dead-letter.source-offset", Long.toString(offset)));
    }

    @Test
    void keepsAMissingKeyMissingAndNamesAnErrorWithoutMessageByItsClass() {
        var deadLetter = new DeadLetter(DeadLetterCause.UNDESERIALIZABLE, new NullPointerException(), "decisions", 0,
                3, new RecordHeaders(), null, bytes("null"));

        ProducerRecord<byte[], byte[]> record = deadLetter.toRecord();

        assertThat(record.key()).isNull();
        assertThat(DeadLetters.header(record.headers(), DeadLetters.ERROR)).isEqualTo("java.lang.NullPointerException");
        assertThat(deadLetter.coordinates()).isEqualTo("decisions-0@3");
    }

    @Test
    void leavesTheSourceHeadersAsTheyWere() {
        var source = new ConsumerRecord<>("labels", 0, 5L, bytes("tx-1"), bytes("{}"));
        source.headers().add(EventHeaders.PRODUCER_ID, bytes("console"));

        DeadLetter.of(DeadLetterCause.INVALID, new IllegalArgumentException("cardId is missing"), source).toRecord();

        assertThat(source.headers().toArray()).extracting(Header::key).containsExactly("cardwatch.producer-id");
    }

    @Test
    void namesEachCauseByTheCodeThatAlertsAndDashboardsGroupBy() {
        assertThat(DeadLetterCause.values()).extracting(Enum::name)
                .containsExactly("UNDESERIALIZABLE", "INVALID", "TOO_OLD", "REJECTED_BY_DATABASE");
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

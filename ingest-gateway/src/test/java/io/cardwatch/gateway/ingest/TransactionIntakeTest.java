package io.cardwatch.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Transaction;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the intake does with a valid transaction, before and after Kafka answers: the publisher here is the
 * test's, which answers as it is told, so that each outcome is exact and needs no broker.
 */
class TransactionIntakeTest {

    private static final Transaction TX_1 = transaction("tx-1", "12.50");

    private final List<String> published = new ArrayList<>();
    private final List<CompletableFuture<RecordMetadata>> answers = new ArrayList<>();
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();
    private final TransactionIntake intake = new TransactionIntake(
            (cardId, transaction, producerId) -> {
                published.add(transaction.transactionId() + " by " + producerId + " on " + cardId);
                CompletableFuture<RecordMetadata> answer = new CompletableFuture<>();
                answers.add(answer);
                return answer;
            },
            new RecentTransactions(configuration()), configuration(),
            new IngestMetrics(meters.get("io.cardwatch.gateway")));

    @AfterEach
    void closeMeters() {
        meters.close();
    }

    @Test
    void acceptsOnlyOnceKafkaStoredTheTransaction() {
        // given
        CompletableFuture<Acceptance> accepted = intake.submit(TX_1, "acquirer");
        assertThat(accepted).isNotDone();

        // when
        answers.get(0).complete(null);

        // then
        assertThat(accepted.join()).isEqualTo(new Acceptance("tx-1", "ACCEPTED"));
        assertThat(published).containsExactly("tx-1 by acquirer on card-1");
        assertThat(results()).containsEntry("ACCEPTED", 1L);
    }

    @Test
    void answersAResendFromMemoryWithoutPublishingItAgain() {
        // given
        stored(TX_1);

        // when
        CompletableFuture<Acceptance> resent = intake.submit(transaction("tx-1", "12.50"), "acquirer");

        // then
        assertThat(resent).isCompletedWithValue(new Acceptance("tx-1", "ACCEPTED"));
        assertThat(published).hasSize(1);
        assertThat(results()).containsEntry("ACCEPTED", 1L).containsEntry("RESENT", 1L);
    }

    @Test
    void refusesAReusedIdWithOtherFactsWithoutPublishingIt() {
        // given
        stored(TX_1);

        // when
        CompletableFuture<Acceptance> conflicting = intake.submit(transaction("tx-1", "9999.00"), "acquirer");

        // then
        assertThat(failure(conflicting)).isInstanceOf(ConflictingTransactionException.class)
                .hasMessage("Transaction tx-1 was already accepted with different content");
        assertThat(published).hasSize(1);
        assertThat(results()).containsEntry("CONFLICT", 1L);
    }

    @Test
    void turnsAFailureToStoreIntoKafkaUnavailableAndForgetsTheTransaction() {
        // given
        CompletableFuture<Acceptance> first = intake.submit(TX_1, "acquirer");

        // when
        answers.get(0).completeExceptionally(new TimeoutException("Expiring 1 record(s)"));

        // then: a resend is published again, as for a transaction never seen
        assertThat(failure(first)).isInstanceOf(KafkaUnavailableException.class)
                .hasMessage("Kafka did not store the transaction")
                .hasRootCauseInstanceOf(TimeoutException.class);
        intake.submit(TX_1, "acquirer");
        assertThat(published).hasSize(2);
        assertThat(results()).containsEntry("KAFKA_UNAVAILABLE", 1L);
    }

    @Test
    void refusesBeyondTheTransactionsWaitingForKafkaUntilOneIsStored() {
        // given the 2 that may wait
        CompletableFuture<Acceptance> first = intake.submit(TX_1, "acquirer");
        intake.submit(transaction("tx-2", "12.50"), "acquirer");

        // when
        CompletableFuture<Acceptance> third = intake.submit(transaction("tx-3", "12.50"), "acquirer");
        answers.get(0).complete(null);
        CompletableFuture<Acceptance> fourth = intake.submit(transaction("tx-4", "12.50"), "acquirer");

        // then
        assertThat(failure(third)).isInstanceOf(KafkaUnavailableException.class)
                .hasMessage("Too many transactions are waiting for Kafka");
        assertThat(first.join().transactionId()).isEqualTo("tx-1");
        assertThat(fourth).isNotDone();
        assertThat(published).containsExactly("tx-1 by acquirer on card-1", "tx-2 by acquirer on card-1",
                "tx-4 by acquirer on card-1");
        assertThat(results()).containsEntry("OVERLOADED", 1L);
    }

    private void stored(Transaction transaction) {
        CompletableFuture<Acceptance> accepted = intake.submit(transaction, "acquirer");
        answers.get(answers.size() - 1).complete(null);
        accepted.join();
    }

    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("Expected a failure, got " + future.join());
    }

    /** {@code cardwatch.ingest.transactions} by result, the zeros left out. */
    private Map<String, Long> results() {
        MetricData counter = reader.collectAllMetrics().stream()
                .filter(metric -> metric.getName().equals("cardwatch.ingest.transactions")).findFirst().orElseThrow();
        return counter.getLongSumData().getPoints().stream().filter(point -> point.getValue() > 0)
                .collect(Collectors.toMap(
                        point -> point.getAttributes().get(AttributeKey.stringKey("cardwatch.ingest.result")),
                        LongPointData::getValue));
    }

    /** Two may wait for Kafka at once; the intake remembers 100 IDs. */
    private static IngestConfiguration configuration() {
        return new IngestConfiguration(Duration.ofMinutes(5), 500, 2, Duration.ofSeconds(5), 100);
    }

    private static Transaction transaction(String transactionId, String amount) {
        return new Transaction(transactionId, "card-1", new BigDecimal(amount), "EUR", "m-1", "5411", "DE", 52.52,
                13.405, Instant.parse("2026-11-20T10:15:30Z"), null);
    }
}

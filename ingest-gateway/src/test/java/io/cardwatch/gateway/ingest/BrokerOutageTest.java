package io.cardwatch.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.cardwatch.gateway.GatewayTest;
import io.cardwatch.gateway.RequestBodies;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Stops the broker under load: producers get 503 with Retry-After while it is away, readiness goes down,
 * and once it is back every transaction that got 202 is in Kafka exactly once.
 */
@MicronautTest
class BrokerOutageTest extends GatewayTest {

    private static final int PRODUCERS = 4;

    /** A broker of its own: this class stops it, which the other classes must not notice. */
    private final KafkaBroker broker = KafkaBroker.withCardwatchTopics();

    @Inject
    ApplicationContext context;

    @Override
    protected String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("kafka.producers.transactions.max.block.ms", "1000",
                "kafka.producers.transactions.request.timeout.ms", "1000",
                "kafka.producers.transactions.delivery.timeout.ms", "2000",
                "cardwatch.ingest.retry-after", "7s",
                "cardwatch.auth.enabled", "false");
    }

    @AfterAll
    void stopBroker() {
        context.close();
        broker.close();
    }

    @Test
    void answers503WhileKafkaIsAwayAndLosesOrDuplicatesNothingItAccepted() throws InterruptedException {
        var load = new Load();
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        for (int producer = 0; producer < PRODUCERS; producer++) {
            int id = producer;
            producers.submit(() -> load.run(id));
        }

        await().until(() -> load.accepted.size() >= 40);
        broker.stop();
        await().until(() -> load.unavailable.get() >= 8);
        int readinessWhileDown = status(HttpRequest.GET("/health/readiness"));
        broker.start();
        int acceptedBeforeReturn = load.accepted.size();
        await().until(() -> load.accepted.size() >= acceptedBeforeReturn + 40);
        load.stop.set(true);
        producers.shutdown();
        assertThat(producers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        System.out.printf("Broker outage: %d accepted, %d answered 503 (slowest %d ms)%n", load.accepted.size(),
                load.unavailable.get(), load.slowest503Millis.get());
        assertThat(load.unexpected).isEmpty();
        assertThat(load.unavailable.get()).isEqualTo(load.retryAfter7.get());
        assertThat(readinessWhileDown).isEqualTo(503);
        assertThat(status(HttpRequest.GET("/health/readiness"))).isEqualTo(200);
        Map<String, Long> copies = published().stream()
                .collect(Collectors.groupingBy(Transaction::transactionId, Collectors.counting()));
        for (String transactionId : load.accepted) {
            assertThat(copies.get(transactionId)).as(transactionId).isEqualTo(1L);
        }
    }

    /** Producers posting transactions one after the other, keeping every answer. */
    private final class Load {

        final Queue<String> accepted = new ConcurrentLinkedQueue<>();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger retryAfter7 = new AtomicInteger();
        final AtomicInteger slowest503Millis = new AtomicInteger();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        final AtomicBoolean stop = new AtomicBoolean();

        void run(int producer) {
            for (int sequence = 0; !stop.get(); sequence++) {
                post("tx-" + producer + "-" + sequence);
            }
        }

        private void post(String transactionId) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.POST("/v1/transactions",
                        RequestBodies.valid(transactionId)).contentType(MediaType.APPLICATION_JSON_TYPE), String.class);
                if (response.code() == 202) {
                    accepted.add(transactionId);
                } else {
                    unexpected.add(transactionId + ": " + response.code());
                }
            } catch (HttpClientResponseException e) {
                if (e.code() == 503) {
                    unavailable.incrementAndGet();
                    slowest503Millis.accumulateAndGet((int) ((System.nanoTime() - start) / 1_000_000), Math::max);
                    if ("7".equals(e.getResponse().header("Retry-After"))) {
                        retryAfter7.incrementAndGet();
                    }
                } else {
                    unexpected.add(transactionId + ": " + e.code() + " " + e.getResponse().getBody(String.class));
                }
            } catch (RuntimeException e) {
                unexpected.add(transactionId + ": " + e);
            }
        }
    }

    /** Long enough for a broker to stop and start again on a busy machine. */
    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50));
    }

    private List<Transaction> published() {
        return TopicContents.readAll(bootstrapServers(), Topics.TRANSACTIONS_NAME,
                        Topics.TRANSACTIONS.keySerde().deserializer(), Topics.TRANSACTIONS.valueSerde().deserializer())
                .stream().map(ConsumerRecord::value).toList();
    }
}

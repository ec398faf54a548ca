package io.cardwatch.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
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
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stops the broker under load: producers get 503 with Retry-After while it is away, readiness goes down,
 * and once it is back every transaction that got 202 is in Kafka exactly once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageTest implements TestPropertyProvider {

    private static final int PRODUCERS = 4;

    private KafkaBroker broker;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        broker = KafkaBroker.withCardwatchTopics();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.producers.transactions.max.block.ms", "1000",
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

        waitUntil(() -> load.accepted.size() >= 40);
        broker.stop();
        waitUntil(() -> load.unavailable.get() >= 8);
        int readinessWhileDown = readiness();
        broker.start();
        int acceptedBeforeReturn = load.accepted.size();
        waitUntil(() -> load.accepted.size() >= acceptedBeforeReturn + 40);
        load.stop.set(true);
        producers.shutdown();
        assertThat(producers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        System.out.printf("Broker outage: %d accepted, %d answered 503 (slowest %d ms)%n", load.accepted.size(),
                load.unavailable.get(), load.slowest503Millis.get());
        assertThat(load.unexpected).isEmpty();
        assertThat(load.unavailable.get()).isEqualTo(load.retryAfter7.get());
        assertThat(readinessWhileDown).isEqualTo(503);
        assertThat(readiness()).isEqualTo(200);
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

    private int readiness() {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/health/readiness"), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not reached within 90 s");
            }
            Thread.sleep(50);
        }
    }

    private List<Transaction> published() {
        return TopicContents.readAll(broker.bootstrapServers(), Topics.TRANSACTIONS_NAME,
                        Topics.TRANSACTIONS.keySerde().deserializer(), Topics.TRANSACTIONS.valueSerde().deserializer())
                .stream().map(ConsumerRecord::value).toList();
    }
}

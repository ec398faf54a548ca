package io.cardwatch.benchmarks;

import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.cardwatch.local.LocalStack;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TrafficModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load, in the manner of wrk2: request {@code i} is due at {@code start + i / rate}, and
 * its latency counts from then, whether or not the client could send it on time.
 */
final class FixedRateHttpLoad {

    /** Called for each accepted transaction with its intended start, for end-to-end timing. */
    interface Listener {
        void accepted(String transactionId, long intendedNanos);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final TrafficModel traffic;

    FixedRateHttpLoad(String gatewayUrl, long seed) {
        this.endpoint = URI.create(gatewayUrl + "/v1/transactions");
        this.traffic = new TrafficModel(new SimulationSettings(seed, 10_000, Duration.ofMillis(1), 0.01,
                Instant.now()));
    }

    /** Offers {@code rate} requests a second for {@code duration}; returns the latencies of the 202s. */
    Outcome run(double rate, Duration duration, Listener listener) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(2_000);
        long requests = (long) (rate * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        for (long i = 0; i < requests; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            parkUntil(intended);
            Transaction transaction = traffic.next().transaction();
            byte[] body = Topics.TRANSACTIONS.valueSerde().serializer().serialize("transactions", transaction);
            inFlight.acquire();
            http.sendAsync(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + LocalStack.API_KEY)
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (response != null && response.statusCode() == 202) {
                            latencies.record(intended, System.nanoTime());
                            listener.accepted(transaction.transactionId(), intended);
                        } else {
                            errors.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.tryAcquire(2_000, 60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(new Rate(latencies.count(), took), latencies, errors.get());
    }

    record Outcome(Rate accepted, Latencies latencies, long errors) {
    }

    private static void parkUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}

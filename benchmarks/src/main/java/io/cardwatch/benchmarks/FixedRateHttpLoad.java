package io.cardwatch.benchmarks;

import io.cardwatch.events.Transaction;
import io.cardwatch.local.LocalStack;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TransactionBatch;
import io.cardwatch.simulator.TrafficModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load, in the manner of wrk2: request {@code i} is due at {@code start + i / rate}, and
 * its latency counts from then, whether or not the client could send it on time. A request holds one
 * transaction ({@code POST /v1/transactions}) or a batch of them ({@code POST /v1/transactions:batch}).
 */
final class FixedRateHttpLoad {

    private static final int MAX_IN_FLIGHT = 2_000;

    /** Called for each accepted transaction with its request's intended start, for end-to-end timing. */
    interface Listener {
        void accepted(String transactionId, long intendedNanos);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final int batchSize;
    private final TrafficModel traffic;

    FixedRateHttpLoad(String gatewayUrl, long seed, int batchSize) {
        this.endpoint = URI.create(gatewayUrl + (batchSize > 1 ? "/v1/transactions:batch" : "/v1/transactions"));
        this.batchSize = batchSize;
        this.traffic = new TrafficModel(new SimulationSettings(seed, 10_000, Duration.ofMillis(1), 0.01,
                Instant.now()));
    }

    /** Offers {@code rate} requests a second for {@code duration}; returns the latencies of the accepted ones. */
    Outcome run(double rate, Duration duration, Listener listener) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long requests = (long) (rate * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        for (long i = 0; i < requests; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            parkUntil(intended);
            List<Transaction> transactions = nextTransactions();
            inFlight.acquire();
            http.sendAsync(request(transactions), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        int stored = stored(transactions, response, intended, listener);
                        if (stored == transactions.size()) {
                            latencies.record(intended, System.nanoTime());
                        } else {
                            errors.incrementAndGet();
                        }
                        accepted.addAndGet(stored);
                        inFlight.release();
                    });
        }
        inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(new Rate(latencies.count(), took), new Rate(accepted.get(), took), latencies, errors.get());
    }

    /**
     * @param requests requests answered with every transaction stored, per second
     * @param events   transactions stored, per second
     * @param errors   requests with a transaction not stored
     */
    record Outcome(Rate requests, Rate events, Latencies latencies, long errors) {
    }

    private List<Transaction> nextTransactions() {
        List<Transaction> transactions = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            transactions.add(traffic.next().transaction());
        }
        return transactions;
    }

    private HttpRequest request(List<Transaction> transactions) {
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalStack.API_KEY)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body(transactions)))
                .build();
    }

    private byte[] body(List<Transaction> transactions) {
        List<byte[]> events = transactions.stream().map(TransactionBatch::json).toList();
        return batchSize == 1 ? events.get(0) : TransactionBatch.body(events);
    }

    /** How many of {@code transactions} the answer says Kafka stored; tells the listener of each. */
    private int stored(List<Transaction> transactions, HttpResponse<byte[]> response, long intended,
                       Listener listener) {
        List<Boolean> accepted = accepted(response, transactions.size());
        int stored = 0;
        for (int i = 0; i < transactions.size(); i++) {
            if (accepted.get(i)) {
                listener.accepted(transactions.get(i).transactionId(), intended);
                stored++;
            }
        }
        return stored;
    }

    private List<Boolean> accepted(HttpResponse<byte[]> response, int size) {
        int status = response == null ? 0 : response.statusCode();
        if (batchSize == 1) {
            return List.of(status == 202);
        }
        if (status != 200) {
            return Collections.nCopies(size, false);
        }
        return TransactionBatch.statuses(response.body(), size).stream().map(TransactionBatch.ACCEPTED::equals)
                .toList();
    }

    private static void parkUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}

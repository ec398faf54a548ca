package io.cardwatch.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts transactions to the gateway as a well-behaved producer does: a bounded number in flight, and every
 * request that is not answered 202 or 4xx is sent again with the same transaction ID until it is.
 */
final class TransactionLoad {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final int concurrency;
    private final Semaphore inFlight;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicLong retries = new AtomicLong();

    TransactionLoad(String gatewayUrl, int concurrency) {
        this.endpoint = URI.create(gatewayUrl + "/v1/transactions");
        this.concurrency = concurrency;
        this.inFlight = new Semaphore(concurrency);
    }

    /** Sends {@code count} transactions spread over {@code cards} cards and waits until each is settled. */
    void send(String idPrefix, int count, int cards) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String id = idPrefix + i;
            String body = ("{\"transactionId\":\"%s\",\"cardId\":\"card-%d\",\"amount\":%d.25,\"currency\":\"EUR\","
                    + "\"merchantId\":\"m-%d\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"latitude\":52.52,"
                    + "\"longitude\":13.405,\"eventTime\":\"2026-11-22T09:%02d:%02dZ\"}")
                    .formatted(id, i % cards, 10 + i % 90, i % 50, (i / 60) % 60, i % 60);
            post(id, body).whenComplete((ignored, error) -> inFlight.release());
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
    }

    Set<String> accepted() {
        return accepted;
    }

    Set<String> refused() {
        return refused;
    }

    int settled() {
        return accepted.size() + refused.size();
    }

    long retries() {
        return retries.get();
    }

    private CompletableFuture<Void> post(String id, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> response == null ? 0 : response.statusCode())
                .thenCompose(status -> settle(id, body, status));
    }

    private CompletableFuture<Void> settle(String id, String body, int status) {
        if (status == 202) {
            accepted.add(id);
            return CompletableFuture.completedFuture(null);
        }
        if (status >= 400 && status < 500 && status != 429) {
            refused.add(id);
            return CompletableFuture.completedFuture(null);
        }
        retries.incrementAndGet();
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> post(id, body));
    }
}

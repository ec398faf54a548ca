package io.cardwatch.simulator;

import io.cardwatch.events.Transaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts each transaction to the gateway as a well-behaved producer does: an answer other than 202 or a
 * 4xx (429 included) is retried with the same transaction ID, which the gateway's idempotency makes safe.
 */
public final class HttpSender implements TransactionSender {

    private static final long RETRY_DELAY_MS = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final String apiKey;
    private final int maxAttempts;

    /** @param apiKey the producer's API key, sent as a bearer token */
    public HttpSender(String gatewayUrl, String apiKey, int maxAttempts) {
        this.endpoint = URI.create(gatewayUrl + "/v1/transactions");
        this.apiKey = apiKey;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public CompletableFuture<Delivery> send(Transaction transaction) {
        return attempt(TransactionBatch.json(transaction), 1);
    }

    private CompletableFuture<Delivery> attempt(byte[] body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> response == null ? 0 : response.statusCode())
                .thenCompose(status -> settle(body, attempt, status));
    }

    private CompletableFuture<Delivery> settle(byte[] body, int attempt, int status) {
        if (status == 202) {
            return CompletableFuture.completedFuture(Delivery.ACCEPTED);
        }
        if (status >= 400 && status < 500 && status != 429) {
            return CompletableFuture.completedFuture(Delivery.REFUSED);
        }
        if (attempt >= maxAttempts) {
            return CompletableFuture.completedFuture(Delivery.FAILED);
        }
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(RETRY_DELAY_MS, TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> attempt(body, attempt + 1));
    }

    @Override
    public void close() {
        // Java 17's HttpClient has nothing to close: its connections go when it becomes unreachable.
    }
}

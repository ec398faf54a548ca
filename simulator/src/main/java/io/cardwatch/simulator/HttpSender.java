package io.cardwatch.simulator;

import io.cardwatch.events.Transaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Posts each transaction to the gateway as a well-behaved producer does: no answer, a 429 or a 5xx is
 * retried ({@link GatewayRetry}); a 202 is accepted, another 4xx refused.
 */
public final class HttpSender implements TransactionSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final String apiKey;
    private final GatewayRetry<Integer> retry;

    /** @param apiKey the producer's API key, sent as a bearer token */
    public HttpSender(String gatewayUrl, String apiKey, int maxAttempts) {
        this.endpoint = URI.create(gatewayUrl + "/v1/transactions");
        this.apiKey = apiKey;
        this.retry = new GatewayRetry<>("gateway", maxAttempts, status -> status != 202 && !GatewayRetry.refused(status));
    }

    @Override
    public CompletableFuture<Delivery> send(Transaction transaction) {
        byte[] body = TransactionBatch.json(transaction);
        return retry.post(() -> post(body)).thenApply(HttpSender::delivery);
    }

    /** Posts once; the status of the answer, 0 when there was none. */
    private CompletableFuture<Integer> post(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> response == null ? 0 : response.statusCode());
    }

    private static Delivery delivery(int status) {
        if (status == 202) {
            return Delivery.ACCEPTED;
        }
        return GatewayRetry.refused(status) ? Delivery.REFUSED : Delivery.FAILED;
    }

    @Override
    public void close() {
        // Java 17's HttpClient has nothing to close: its connections go when it becomes unreachable.
    }
}

package io.cardwatch.simulator;

import io.cardwatch.events.Transaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts transactions to the gateway's batch endpoint, up to {@code batchSize} per request; a batch that is
 * not full is posted once its oldest transaction has waited {@code linger}. Reads the result of each event:
 * an event the gateway could not store now, or a whole batch answered other than 200 or a 4xx, is resent
 * with the same transaction IDs; an event refused as invalid is not.
 */
public final class BatchHttpSender implements TransactionSender {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService lingerTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "batch-linger");
        thread.setDaemon(true);
        return thread;
    });
    private final URI endpoint;
    private final String apiKey;
    private final int batchSize;
    private final Duration linger;
    private final GatewayRetry<List<Pending>> retry;
    private List<Pending> filling = new ArrayList<>();

    /** @param apiKey the producer's API key, sent as a bearer token */
    public BatchHttpSender(String gatewayUrl, String apiKey, int batchSize, Duration linger, int maxAttempts) {
        this.endpoint = URI.create(gatewayUrl + "/v1/transactions:batch");
        this.apiKey = apiKey;
        this.batchSize = batchSize;
        this.linger = linger;
        this.retry = new GatewayRetry<>("gateway-batch", maxAttempts, resend -> !resend.isEmpty());
    }

    @Override
    public CompletableFuture<Delivery> send(Transaction transaction) {
        Pending pending = new Pending(TransactionBatch.json(transaction), new CompletableFuture<>());
        List<Pending> full = add(pending);
        if (full != null) {
            post(full);
        }
        return pending.delivery();
    }

    private synchronized List<Pending> add(Pending pending) {
        filling.add(pending);
        if (filling.size() == 1) {
            List<Pending> batch = filling;
            lingerTimer.schedule(() -> postIfStillFilling(batch), linger.toNanos(), TimeUnit.NANOSECONDS);
        }
        return filling.size() >= batchSize ? takeFilling() : null;
    }

    private void postIfStillFilling(List<Pending> batch) {
        boolean due;
        synchronized (this) {
            due = filling == batch;
            if (due) {
                takeFilling();
            }
        }
        if (due) {
            post(batch);
        }
    }

    private List<Pending> takeFilling() {
        List<Pending> batch = filling;
        filling = new ArrayList<>();
        return batch;
    }

    /** Posts {@code batch}, then resends its unsettled events; those still unsettled at the end have failed. */
    private void post(List<Pending> batch) {
        AtomicReference<List<Pending>> unsettled = new AtomicReference<>(batch);
        retry.post(() -> postOnce(unsettled.get()).thenApply(resend -> {
            unsettled.set(resend);
            return resend;
        })).whenComplete((resend, error) -> unsettled.get().forEach(pending -> pending.delivery().complete(Delivery.FAILED)));
    }

    /** Posts {@code batch} once, settles the events its answer settles and returns those to resend. */
    private CompletableFuture<List<Pending>> postOnce(List<Pending> batch) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        TransactionBatch.body(batch.stream().map(Pending::json).toList())))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> settle(batch, response));
    }

    private static List<Pending> settle(List<Pending> batch, HttpResponse<byte[]> response) {
        int status = response == null ? 0 : response.statusCode();
        if (GatewayRetry.refused(status)) {
            batch.forEach(pending -> pending.delivery().complete(Delivery.REFUSED));
            return List.of();
        }
        return status == 200 ? settleEach(batch, response.body()) : batch;
    }

    /** Completes the accepted and refused events of {@code batch} and returns those to resend. */
    private static List<Pending> settleEach(List<Pending> batch, byte[] answer) {
        List<String> statuses = TransactionBatch.statuses(answer, batch.size());
        List<Pending> resend = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            Pending pending = batch.get(index);
            switch (statuses.get(index)) {
                case TransactionBatch.ACCEPTED -> pending.delivery().complete(Delivery.ACCEPTED);
                case TransactionBatch.REJECTED -> pending.delivery().complete(Delivery.REFUSED);
                default -> resend.add(pending);
            }
        }
        return resend;
    }

    /** Posts what is still waiting for a full batch. */
    @Override
    public void close() {
        List<Pending> rest;
        synchronized (this) {
            rest = takeFilling();
        }
        if (!rest.isEmpty()) {
            post(rest);
        }
        lingerTimer.shutdown();
    }

    private record Pending(byte[] json, CompletableFuture<Delivery> delivery) {
    }
}

package io.cardwatch.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardwatch.gateway.auth.ProducerIdentity;
import io.cardwatch.gateway.problem.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.exceptions.HttpStatusException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Takes up to {@code cardwatch.ingest.max-batch-size} transactions in one request. Each is validated and
 * published on its own; the answer reports every event, and an event is reported accepted only once Kafka
 * acknowledged it.
 */
@Controller("/v1/transactions:batch")
class TransactionBatchController {

    private static final String PATH = "/v1/transactions:batch";

    private final BatchEventReader reader;
    private final TransactionIntake intake;
    private final int maxBatchSize;

    TransactionBatchController(BatchEventReader reader, TransactionIntake intake, IngestConfiguration configuration) {
        this.reader = reader;
        this.intake = intake;
        this.maxBatchSize = configuration.maxBatchSize();
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH)))
    @ApiResponse(responseCode = "200", description = "One result per event", content = @Content(
            examples = @ExampleObject(name = "results", value = ApiExamples.BATCH_RESULT)))
    CompletableFuture<BatchResult> submit(@Body @Valid BatchRequest batch,
                                          @RequestAttribute(ProducerIdentity.ATTRIBUTE) String producerId) {
        if (batch.transactions().size() > maxBatchSize) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "A batch holds at most " + maxBatchSize + " transactions, this one has "
                            + batch.transactions().size());
        }
        List<CompletableFuture<BatchResult.EventResult>> results = new ArrayList<>();
        for (int index = 0; index < batch.transactions().size(); index++) {
            results.add(submit(batch.transactions().get(index), PATH + "#/transactions/" + index, producerId));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> BatchResult.of(results.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<BatchResult.EventResult> submit(JsonNode event, String instance, String producerId) {
        String transactionId = event.path("transactionId").isTextual() ? event.get("transactionId").asText() : null;
        BatchEventReader.Event read = reader.read(event, instance);
        if (read.problem() != null) {
            return CompletableFuture.completedFuture(
                    new BatchResult.EventResult(transactionId, BatchResult.EventResult.REJECTED, read.problem()));
        }
        return intake.submit(read.transaction(), producerId)
                .thenApply(accepted -> BatchResult.EventResult.accepted(accepted.transactionId()))
                .exceptionally(failure -> failed(transactionId, instance, failure));
    }

    private static BatchResult.EventResult failed(String transactionId, String instance, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ConflictingTransactionException) {
            return new BatchResult.EventResult(transactionId, BatchResult.EventResult.REJECTED,
                    Problems.of(HttpStatus.CONFLICT.getCode(), cause.getMessage(), instance, null));
        }
        return new BatchResult.EventResult(transactionId, BatchResult.EventResult.UNAVAILABLE,
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "Kafka did not store the transaction", instance,
                        null));
    }
}

package io.cardwatch.gateway.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.gateway.auth.ProducerIdentity;
import io.cardwatch.gateway.problem.FieldErrors;
import io.cardwatch.gateway.problem.ProblemDetails;
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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    private final TransactionIntake intake;
    private final ObjectMapper json;
    private final Validator validator;
    private final int maxBatchSize;

    TransactionBatchController(TransactionIntake intake, ObjectMapper json, Validator validator,
                               IngestConfiguration configuration) {
        this.intake = intake;
        this.json = json;
        this.validator = validator;
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
            results.add(submit(index, batch.transactions().get(index), producerId));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> BatchResult.of(results.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<BatchResult.EventResult> submit(int index, JsonNode event, String producerId) {
        String transactionId = event.path("transactionId").isTextual() ? event.get("transactionId").asText() : null;
        String instance = PATH + "#/transactions/" + index;
        TransactionRequest request;
        try {
            request = json.treeToValue(event, TransactionRequest.class);
        } catch (JsonProcessingException e) {
            String detail = FieldErrors.firstLine(e.getOriginalMessage());
            return rejected(transactionId, problem(HttpStatus.BAD_REQUEST, detail, instance, FieldErrors.of(e)));
        }
        if (request == null) {
            return rejected(transactionId, problem(HttpStatus.BAD_REQUEST, "The event is null", instance, List.of()));
        }
        Set<ConstraintViolation<TransactionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return rejected(transactionId, problem(HttpStatus.BAD_REQUEST,
                    violations.size() + " invalid field(s) in the event", instance, FieldErrors.of(violations)));
        }
        return intake.submit(request.toEvent(), producerId)
                .thenApply(accepted -> BatchResult.EventResult.accepted(accepted.transactionId()))
                .exceptionally(failure -> failed(transactionId, instance, failure));
    }

    private static BatchResult.EventResult failed(String transactionId, String instance, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ConflictingTransactionException) {
            return new BatchResult.EventResult(transactionId, BatchResult.EventResult.REJECTED,
                    problem(HttpStatus.CONFLICT, cause.getMessage(), instance, List.of()));
        }
        return new BatchResult.EventResult(transactionId, BatchResult.EventResult.UNAVAILABLE,
                problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not store the transaction", instance, List.of()));
    }

    private static CompletableFuture<BatchResult.EventResult> rejected(String transactionId, ProblemDetails problem) {
        return CompletableFuture.completedFuture(
                new BatchResult.EventResult(transactionId, BatchResult.EventResult.REJECTED, problem));
    }

    private static ProblemDetails problem(HttpStatus status, String detail, String instance,
                                          List<ProblemDetails.FieldError> errors) {
        return new ProblemDetails("about:blank", status.getReason(), status.getCode(), detail, instance, errors);
    }
}

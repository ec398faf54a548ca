package io.cardwatch.gateway.ingest;

import io.cardwatch.gateway.auth.ProducerIdentity;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;

/** Takes card transactions from producers (storage first: 202 only after Kafka acknowledged). */
@Controller("/v1/transactions")
class TransactionController {

    private final TransactionIntake intake;

    TransactionController(TransactionIntake intake) {
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "transaction", value = ApiExamples.TRANSACTION)))
    @ApiResponse(responseCode = "202", description = "Stored in Kafka", content = @Content(
            examples = @ExampleObject(name = "accepted", value = ApiExamples.ACCEPTED)))
    @ApiResponse(responseCode = "400", description = "Invalid; each bad member named", content = @Content(
            mediaType = "application/problem+json",
            examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID)))
    @ApiResponse(responseCode = "503", description = "Kafka could not store it now; resend after Retry-After",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "unavailable", value = ApiExamples.UNAVAILABLE)))
    CompletableFuture<HttpResponse<Acceptance>> submit(
            @Body @Valid TransactionRequest request,
            @RequestAttribute(ProducerIdentity.ATTRIBUTE) String producerId) {
        return intake.submit(request.toEvent(), producerId)
                .thenApply(accepted -> HttpResponse.accepted().body(accepted));
    }
}

package io.cardwatch.gateway.ingest;

import io.cardwatch.gateway.auth.ProducerIdentity;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
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
    CompletableFuture<HttpResponse<Acceptance>> submit(
            @Body @Valid TransactionRequest request,
            @RequestAttribute(ProducerIdentity.ATTRIBUTE) String producerId) {
        return intake.submit(request.toEvent(), producerId)
                .thenApply(accepted -> HttpResponse.accepted().body(accepted));
    }
}

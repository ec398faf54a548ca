package io.cardwatch.gateway.ingest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;

/** Takes card transactions from producers (storage first: 202 only after Kafka acknowledged). */
@Controller("/v1/transactions")
class TransactionController {

    private final TransactionPublisher publisher;

    TransactionController(TransactionPublisher publisher) {
        this.publisher = publisher;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<Acceptance>> submit(@Body @Valid TransactionRequest request) {
        var transaction = request.toEvent();
        return publisher.publish(transaction.cardId(), transaction)
                .thenApply(stored -> HttpResponse.accepted().body(Acceptance.of(transaction.transactionId())));
    }
}

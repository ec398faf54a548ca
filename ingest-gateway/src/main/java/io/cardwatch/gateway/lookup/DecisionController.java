package io.cardwatch.gateway.lookup;

import io.cardwatch.events.Decision;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The decision on a transaction once it is scored; {@code waitMs} lets an authorizer wait for it (up to
 * {@code cardwatch.lookup.max-wait}) instead of polling.
 */
@Controller("/v1/transactions/{transactionId}/decision")
class DecisionController {

    private final DecisionBoard board;
    private final Duration maxWait;

    DecisionController(DecisionBoard board, LookupConfiguration configuration) {
        this.board = board;
        this.maxWait = configuration.maxWait();
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    CompletableFuture<Decision> decision(@PathVariable String transactionId,
                                         @QueryValue(defaultValue = "0") @Min(0) long waitMs) {
        Duration wait = Duration.ofMillis(waitMs).compareTo(maxWait) > 0 ? maxWait : Duration.ofMillis(waitMs);
        return board.await(transactionId, wait).thenApply(found -> found.orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "No decision on transaction " + transactionId
                        + " within the lookup window yet")));
    }
}

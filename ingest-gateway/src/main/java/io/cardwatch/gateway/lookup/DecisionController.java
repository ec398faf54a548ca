package io.cardwatch.gateway.lookup;

import io.cardwatch.events.Decision;
import io.cardwatch.gateway.auth.ProducerIdentity;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.exceptions.HttpStatusException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The decision on a transaction once it is scored, for the producer that posted the transaction; {@code waitMs}
 * lets an authorizer wait for it (up to {@code cardwatch.lookup.max-wait}) instead of polling.
 */
@Controller("/v1/transactions/{transactionId}/decision")
class DecisionController {

    private static final String DECISION = "{\"transactionId\":\"tx-1\",\"cardId\":\"card-1\","
            + "\"outcome\":\"REVIEW\",\"score\":400,\"reasons\":[{\"code\":\"LARGE_AMOUNT\",\"points\":400,"
            + "\"detail\":\"amount 5000.00 EUR at or over 5000\"}],\"amount\":5000.00,\"currency\":\"EUR\","
            + "\"merchantId\":\"m-1\",\"eventTime\":\"2026-11-20T10:15:30Z\","
            + "\"decidedAt\":\"2026-11-20T10:15:30.020Z\",\"rulesVersion\":\"1\"}";

    private final DecisionBoard board;
    private final Duration maxWait;

    DecisionController(DecisionBoard board, LookupConfiguration configuration) {
        this.board = board;
        this.maxWait = configuration.maxWait();
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "The decision and its reasons", content = @Content(
            examples = @ExampleObject(name = "decision", value = DECISION)))
    @ApiResponse(responseCode = "404", description = "Not scored yet, outside the lookup window, or not posted by "
            + "this producer",
            content = @Content(mediaType = "application/problem+json"))
    CompletableFuture<Decision> decision(@PathVariable String transactionId,
                                         @QueryValue(defaultValue = "0") @Min(0) long waitMs,
                                         @RequestAttribute(ProducerIdentity.READS_FOR) String producerId) {
        Duration wait = Duration.ofMillis(waitMs).compareTo(maxWait) > 0 ? maxWait : Duration.ofMillis(waitMs);
        return board.await(transactionId, producerId, wait).thenApply(found -> found.orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "No decision on transaction " + transactionId
                        + " within the lookup window yet")));
    }
}

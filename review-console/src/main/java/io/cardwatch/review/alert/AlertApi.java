package io.cardwatch.review.alert;

import io.cardwatch.review.Paths;
import io.cardwatch.review.security.Roles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/alerts/{transactionId}}: an alert's case as JSON. */
@Controller(Paths.API + "/alerts")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "alerts")
final class AlertApi {

    private final AlertCases cases;

    AlertApi(AlertCases cases) {
        this.cases = cases;
    }

    @Get(uri = "/{transactionId}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "An alert's case",
            description = "The alert with every reason of its decision and the transaction's facts, the card's most "
                    + "recent decisions (newest first, with the review status of those that raised an alert) and "
                    + "the audit trail of the actions taken on the alert (oldest first).")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "404", description = "No alert for this transaction",
            content = @Content(mediaType = "application/problem+json"))
    AlertCase alert(String transactionId) {
        return cases.of(transactionId);
    }
}

package io.cardwatch.review.queue;

import io.cardwatch.review.Paths;
import io.cardwatch.review.ReviewConfiguration;
import io.cardwatch.review.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/alerts}: the queue as JSON, a page at a time. */
@Controller(Paths.API + "/alerts")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "alerts")
final class QueueApi {

    private final AlertQueue queue;
    private final ReviewConfiguration configuration;

    QueueApi(AlertQueue queue, ReviewConfiguration configuration) {
        this.queue = queue;
        this.configuration = configuration;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "A page of the alert queue",
            description = "Open alerts (OPEN and ESCALATED) unless status names one, highest score first, then the "
                    + "most recently raised. Pass the answer's next as cursor, with the same filters, for the following "
                    + "page; next is null on the last page.")
    @ApiResponse(responseCode = "200", description = "A page of alerts")
    @ApiResponse(responseCode = "400", description = "A filter or the cursor cannot be read",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json"))
    QueuePage alerts(
            @Parameter(description = "OPEN, ESCALATED, CONFIRMED_FRAUD or LEGITIMATE; absent: OPEN and ESCALATED")
            @Nullable @QueryValue String status,
            @Parameter(description = "REVIEW or DECLINE") @Nullable @QueryValue String outcome,
            @Parameter(description = "A reason code the alert's decision gave, such as VELOCITY_1M")
            @Nullable @QueryValue String reason,
            @Parameter(schema = @Schema(minimum = "0", maximum = "1000")) @Nullable @QueryValue String minScore,
            @Parameter(schema = @Schema(minimum = "0", maximum = "1000")) @Nullable @QueryValue String maxScore,
            @Nullable @QueryValue String cardId,
            @Nullable @QueryValue String merchantId,
            @Parameter(description = "Raised at or after this ISO 8601 instant") @Nullable @QueryValue String from,
            @Parameter(description = "Raised before this ISO 8601 instant") @Nullable @QueryValue String to,
            @Parameter(description = "The next of the previous page") @Nullable @QueryValue String cursor) {
        QueueFilter filter = QueueFilter.parse(status, outcome, reason, minScore, maxScore, cardId, merchantId, from, to);
        return queue.page(filter, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor),
                configuration.pageSize());
    }
}

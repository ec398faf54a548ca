package io.cardwatch.review.export;

import io.cardwatch.review.Paths;
import io.cardwatch.review.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/v1/exports/labelled-history}: the labelled history of a time range, as CSV. */
@Controller(Paths.API + "/exports")
@Secured(Roles.VIEWER)
@Tag(name = "exports")
final class ExportApi {

    static final String CSV = "text/csv";

    private final LabelledHistoryExport export;
    private final Scheduler blocking;

    ExportApi(LabelledHistoryExport export, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.export = export;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Get(uri = "/labelled-history", produces = CSV)
    @Operation(summary = "Labelled history in the backtest's input format",
            description = "Every scored transaction with an event time in [from, to), in event-time order, as "
                    + "Cardwatch's labelled history CSV (docs/backtest.md): fraud=true where the transaction's alert "
                    + "was confirmed fraud, false otherwise (including transactions nobody reviewed, unless "
                    + "labelled-only=true keeps only those resolved CONFIRMED_FRAUD or LEGITIMATE); scenario is "
                    + "empty and episode 0. Streamed: the response starts before the whole range is read.")
    @ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = CSV))
    @ApiResponse(responseCode = "400", description = "from or to missing, unreadable, or not in order",
            content = @Content(mediaType = "application/problem+json"))
    HttpResponse<Publisher<byte[]>> labelledHistory(
            @Parameter(description = "ISO 8601 instant, inclusive") @Nullable @QueryValue String from,
            @Parameter(description = "ISO 8601 instant, exclusive") @Nullable @QueryValue String to,
            @Parameter(description = "Only transactions an analyst resolved")
            @Nullable @QueryValue("labelled-only") Boolean labelledOnly) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        return HttpResponse.<Publisher<byte[]>>ok(export.export(start, end, Boolean.TRUE.equals(labelledOnly))
                        .subscribeOn(blocking))
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"labelled-history.csv\"");
    }

    private static Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, name + " is required: an ISO 8601 instant");
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, name + " must be an ISO 8601 instant such as "
                    + "2026-11-20T00:00:00Z");
        }
    }
}

package io.cardwatch.review.queue;

import io.cardwatch.events.Outcome;
import io.cardwatch.review.ReviewConfiguration;
import io.cardwatch.review.alert.AlertStatus;
import io.cardwatch.review.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /alerts}: the queue page, with its filters as a form that submits by GET. */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
final class QueuePageController {

    private final AlertQueue queue;
    private final ReviewConfiguration configuration;

    QueuePageController(AlertQueue queue, ReviewConfiguration configuration) {
        this.queue = queue;
        this.configuration = configuration;
    }

    @Get
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/alerts"));
    }

    @Get("/alerts")
    @View("queue")
    Map<String, Object> queue(@Nullable @QueryValue String status, @Nullable @QueryValue String outcome,
                              @Nullable @QueryValue String reason, @Nullable @QueryValue String minScore,
                              @Nullable @QueryValue String maxScore, @Nullable @QueryValue String cardId,
                              @Nullable @QueryValue String merchantId, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to, @Nullable @QueryValue String cursor) {
        QueueFilter filter = QueueFilter.parse(status, outcome, reason, minScore, maxScore, cardId, merchantId, from, to);
        QueuePage page = queue.page(filter, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor),
                configuration.pageSize());
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("filter", filter);
        model.put("statuses", List.of(AlertStatus.values()));
        model.put("outcomes", List.of(Outcome.REVIEW, Outcome.DECLINE));
        model.put("firstUrl", url(filter, null));
        model.put("nextUrl", page.next() == null ? null : url(filter, page.next()));
        model.put("paged", cursor != null && !cursor.isBlank());
        return model;
    }

    private static String url(QueueFilter filter, @Nullable String cursor) {
        UriBuilder uri = UriBuilder.of("/alerts");
        filter.parameters().forEach(uri::queryParam);
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        return uri.toString();
    }
}

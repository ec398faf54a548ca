package io.cardwatch.review.overview;

import io.cardwatch.review.Paths;
import io.cardwatch.review.chart.SvgCharts;
import io.cardwatch.review.security.Roles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** {@code GET /overview}, the page with charts, and {@code GET /api/v1/overview}, its figures as JSON. */
final class OverviewControllers {

    private OverviewControllers() {
    }

    @Hidden
    @Produces(MediaType.TEXT_HTML)
    @Controller("/overview")
    @Secured(Roles.VIEWER)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static final class Page {

        private final Overviews overviews;

        Page(Overviews overviews) {
            this.overviews = overviews;
        }

        @Get
        @View("overview")
        Map<String, Object> overview() {
            Overview overview = overviews.figures(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            return Map.of("overview", overview,
                    "perDayChart", SvgCharts.bars("alerts-per-day", bars(overview.perDay()), 2),
                    "perHourChart", SvgCharts.bars("alerts-per-hour", bars(overview.perHour()), 3),
                    "queueAgeChart", SvgCharts.bars("queue-age", bars(overview.queueAge()), 1),
                    "precisionChart", SvgCharts.bars("precision", overview.precision().stream()
                            .map(reason -> new SvgCharts.Bar(reason.code(), Math.round(reason.precision() * 100)))
                            .toList(), 1));
        }

        private static List<SvgCharts.Bar> bars(List<Overview.Count> counts) {
            return counts.stream().map(count -> new SvgCharts.Bar(count.label(), count.count())).toList();
        }
    }

    @Controller(Paths.API + "/overview")
    @Secured(Roles.VIEWER)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Tag(name = "overview")
    static final class Api {

        private final Overviews overviews;

        Api(Overviews overviews) {
            this.overviews = overviews;
        }

        @Get(produces = MediaType.APPLICATION_JSON)
        @Operation(summary = "The overview's figures",
                description = "Alerts raised per day (UTC) over cardwatch.review.overview-days and per hour over the "
                        + "last 24 hours, the open queue by age, and per reason code the resolved alerts (resolved "
                        + "within the same days) that gave it: confirmed, legitimate and precision = confirmed / "
                        + "resolved.")
        Overview overview() {
            return overviews.figures(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}

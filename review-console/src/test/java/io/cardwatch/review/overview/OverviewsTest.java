package io.cardwatch.review.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.review.Browser;
import io.cardwatch.review.ConsoleTest;
import io.cardwatch.review.ConsoleTestServers;
import io.cardwatch.review.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The overview's figures over a literal set of alerts, as of a fixed instant; and its page. */
@MicronautTest
class OverviewsTest extends ConsoleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:30:00Z");


    @Inject
    Overviews overviews;

    @Override
    protected Map<String, String> overrides() {
        return Map.of("cardwatch.review.overview-days", "3");
    }

    /** Resolved alerts get resolved_at 10 minutes after they were raised. */
    @BeforeAll
    void alerts() throws Exception {
        Fixtures.clear();
        Fixtures.scored("ov-1").reasons("VELOCITY_1M:500").raisedAt("2026-11-20T12:10:00Z").insert();
        Fixtures.scored("ov-2").reasons("VELOCITY_1M:500").raisedAt("2026-11-20T10:00:00Z").status("ESCALATED").insert();
        Fixtures.scored("ov-3").reasons("VELOCITY_1M:500", "NEW_COUNTRY:200").raisedAt("2026-11-19T20:00:00Z")
                .status("CONFIRMED_FRAUD").insert();
        Fixtures.scored("ov-4").reasons("VELOCITY_1M:500").raisedAt("2026-11-19T08:00:00Z").status("CONFIRMED_FRAUD").insert();
        Fixtures.scored("ov-5").reasons("NEW_COUNTRY:300").raisedAt("2026-11-18T08:00:00Z").status("LEGITIMATE").insert();
        Fixtures.scored("ov-6").reasons("VELOCITY_1M:500").raisedAt("2026-11-18T07:00:00Z").status("LEGITIMATE").insert();
        Fixtures.scored("ov-7").reasons("LARGE_AMOUNT:400").raisedAt("2026-11-10T07:00:00Z").insert();
        // Resolved before the overview's three days: not counted in precision.
        Fixtures.scored("ov-8").reasons("LARGE_AMOUNT:400").raisedAt("2026-11-01T07:00:00Z").status("LEGITIMATE").insert();
    }

    @Test
    void countsVolumeQueueAgeAndPrecisionPerReason() {
        Overview overview = overviews.figures(NOW);

        assertThat(overview.open()).isEqualTo(3);
        assertThat(overview.perDay()).containsExactly(new Overview.Count("2026-11-18", 2),
                new Overview.Count("2026-11-19", 2), new Overview.Count("2026-11-20", 2));
        assertThat(overview.perHour()).hasSize(24);
        assertThat(overview.perHour().get(0)).isEqualTo(new Overview.Count("13:00", 0));
        assertThat(overview.perHour().subList(19, 24)).containsExactly(new Overview.Count("08:00", 0),
                new Overview.Count("09:00", 0), new Overview.Count("10:00", 1), new Overview.Count("11:00", 0),
                new Overview.Count("12:00", 1));
        assertThat(overview.perHour().get(7)).isEqualTo(new Overview.Count("20:00", 1));
        assertThat(overview.queueAge()).containsExactly(new Overview.Count("< 1 h", 1), new Overview.Count("1-4 h", 1),
                new Overview.Count("4-24 h", 0), new Overview.Count("1-3 d", 0), new Overview.Count("3-7 d", 0),
                new Overview.Count("> 7 d", 1));
        assertThat(overview.precision()).containsExactly(
                new Overview.ReasonPrecision("VELOCITY_1M", 2, 1, 3, 0.667),
                new Overview.ReasonPrecision("NEW_COUNTRY", 1, 1, 2, 0.5));
    }

    @Test
    void showsTheOverviewPageWithItsChartsAndFigures() {
        Browser browser = new Browser(port);
        browser.signIn("viewer", ConsoleTestServers.PASSWORD);

        HttpResponse<String> page = browser.get("/overview");

        assertThat(page.statusCode()).isEqualTo(200);
        for (String id : List.of("alerts-per-day", "alerts-per-hour", "queue-age")) {
            assertThat(page.body()).contains("<svg id=\"" + id + "\"");
        }
        assertThat(page.body()).contains("<strong id=\"open-count\">3</strong>", "id=\"precision-table\"");
    }
}

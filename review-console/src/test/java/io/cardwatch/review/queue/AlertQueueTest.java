package io.cardwatch.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.review.Browser;
import io.cardwatch.review.ConsoleTest;
import io.cardwatch.review.ConsoleTestServers;
import io.cardwatch.review.Fixtures;
import io.cardwatch.review.security.Roles;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queue's order, keyset pages and filters, over a literal set of alerts, through the API and the page. */
@MicronautTest
class AlertQueueTest extends ConsoleTest {

    private final ObjectMapper json = new ObjectMapper();
    private String viewer;

    @Override
    protected Map<String, String> overrides() {
        return Map.of("cardwatch.review.page-size", "2");
    }

    /**
     * Queue order: q-a (900), then q-b and q-c at 700 (q-c raised later, so first), q-d and q-e at 500 raised
     * at the same instant (the transaction ID breaks the tie, q-e first), then q-f (300). q-g is resolved.
     */
    @BeforeAll
    void alerts() throws Exception {
        Fixtures.clear();
        Fixtures.scored("q-a").score(900).outcome("DECLINE").card("card-q1").merchant("m-q1")
                .reasons("VELOCITY_1M:600", "LARGE_AMOUNT:300").raisedAt("2026-11-20T10:00:00Z").insert();
        Fixtures.scored("q-b").score(700).outcome("DECLINE").card("card-q2").merchant("m-q2")
                .reasons("IMPOSSIBLE_TRAVEL:700").raisedAt("2026-11-20T09:00:00Z").insert();
        Fixtures.scored("q-c").score(700).outcome("DECLINE").card("card-q1").merchant("m-q1")
                .reasons("VELOCITY_1M:700").raisedAt("2026-11-20T11:00:00Z").status("ESCALATED").insert();
        Fixtures.scored("q-d").score(500).card("card-q3").merchant("m-q2")
                .reasons("NEW_COUNTRY:500").raisedAt("2026-11-20T12:00:00Z").insert();
        Fixtures.scored("q-e").score(500).card("card-q3").merchant("m-q2")
                .reasons("LARGE_AMOUNT:500").raisedAt("2026-11-20T12:00:00Z").insert();
        Fixtures.scored("q-f").score(300).card("card-q4").merchant("m-q3")
                .reasons("UNUSUAL_HOUR:300").raisedAt("2026-11-21T08:00:00Z").insert();
        Fixtures.scored("q-g").score(950).outcome("DECLINE").card("card-q1").merchant("m-q1")
                .reasons("VELOCITY_1M:950").raisedAt("2026-11-20T10:30:00Z").status("CONFIRMED_FRAUD").insert();
        viewer = tokens.generateToken(Authentication.build("vera", List.of(Roles.VIEWER)), 600).orElseThrow();
    }

    @Test
    void pagesThroughTheOpenQueueHighestScoreThenNewestWithoutOverlapOrGap() throws Exception {
        assertThat(allPages("")).containsExactly(List.of("q-a", "q-c"), List.of("q-b", "q-e"), List.of("q-d", "q-f"));
    }

    @Test
    void filtersOnStatusOutcomeReasonScoreCardMerchantAndTime() throws Exception {
        assertThat(ids("status=CONFIRMED_FRAUD")).containsExactly("q-g");
        assertThat(ids("status=ESCALATED")).containsExactly("q-c");
        assertThat(ids("outcome=DECLINE")).containsExactly("q-a", "q-c", "q-b");
        assertThat(ids("reason=velocity_1m")).containsExactly("q-a", "q-c");
        assertThat(ids("reason=LARGE_AMOUNT")).containsExactly("q-a", "q-e");
        assertThat(ids("minScore=500&maxScore=700")).containsExactly("q-c", "q-b", "q-e", "q-d");
        assertThat(ids("cardId=card-q1")).containsExactly("q-a", "q-c");
        assertThat(ids("merchantId=m-q2")).containsExactly("q-b", "q-e", "q-d");
        assertThat(ids("from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z")).containsExactly("q-a", "q-c");
        assertThat(ids("outcome=REVIEW&merchantId=m-q2&reason=NEW_COUNTRY")).containsExactly("q-d");
    }

    @Test
    void refusesFiltersItCannotReadWith400() {
        for (String query : List.of("minScore=-1", "minScore=800&maxScore=700", "outcome=APPROVE", "status=CLOSED",
                "from=yesterday", "cursor=" + URLEncoder.encode("not a cursor", StandardCharsets.UTF_8))) {
            HttpResponse<String> response = Browser.api(port, "GET", "/api/v1/alerts?" + query, viewer, null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
        }
    }

    @Test
    void showsThePageOfTheQueueWithRowsLinkedToTheirAlerts() {
        Browser browser = new Browser(port);
        browser.signIn("viewer", ConsoleTestServers.PASSWORD);

        HttpResponse<String> page = browser.get("/alerts?outcome=DECLINE");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"alert-queue\"", "data-transaction-id=\"q-a\"", "href=\"/alerts/q-a\"",
                "data-transaction-id=\"q-c\"", "id=\"next-page\"").doesNotContain("data-transaction-id=\"q-b\"");
        String next = page.body().replaceAll("(?s).*id=\"next-page\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        HttpResponse<String> second = browser.get(next);
        assertThat(second.body()).contains("data-transaction-id=\"q-b\"", "id=\"first-page\"")
                .doesNotContain("data-transaction-id=\"q-a\"", "id=\"next-page\"");
    }

    private List<List<String>> allPages(String filter) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(filter + (cursor == null ? "" : "&cursor=" + cursor));
            List<String> ids = new ArrayList<>();
            page.get("alerts").forEach(alert -> ids.add(alert.get("transactionId").asText()));
            pages.add(ids);
            cursor = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (cursor != null);
        return pages;
    }

    private List<String> ids(String filter) throws Exception {
        return allPages(filter).stream().flatMap(List::stream).toList();
    }

    private JsonNode page(String query) throws Exception {
        HttpResponse<String> response = Browser.api(port, "GET", "/api/v1/alerts?" + query, viewer, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}

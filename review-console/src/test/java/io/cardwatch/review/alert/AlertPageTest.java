package io.cardwatch.review.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.review.Browser;
import io.cardwatch.review.ConsoleTest;
import io.cardwatch.review.ConsoleTestServers;
import io.cardwatch.review.Fixtures;
import io.cardwatch.review.security.Roles;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An alert's page and its JSON: every reason, the facts, the card's history and its live profile. */
@MicronautTest
class AlertPageTest extends ConsoleTest {

    private Browser browser;

    @Override
    protected Map<String, String> overrides() {
        return stubDetector(StubDetector.TOKEN);
    }

    @BeforeAll
    void aCardWithHistory() throws Exception {
        Fixtures.clear();
        Fixtures.scored("tx-page-0").card("card-page").outcome("APPROVE").score(0).reasons()
                .amount("12.50", "EUR").at("2026-11-20T09:00:00Z").insert();
        Fixtures.scored("tx-page-1").card("card-page").outcome("DECLINE").score(800)
                .reasons("VELOCITY_1M:500", "NEW_COUNTRY:300").amount("999.99", "EUR").merchant("m-page")
                .facts("5732", "FR", 48.85, 2.35, "ECOMMERCE").at("2026-11-20T09:05:00Z").insert();
        Fixtures.scored("tx-page-other").card("card-unprofiled").insert();
        browser = new Browser(port);
        browser.signIn("analyst", ConsoleTestServers.PASSWORD);
    }

    @Test
    void showsEveryReasonTheFactsTheHistoryChartAndTheLiveProfile() {
        HttpResponse<String> page = browser.get("/alerts/tx-page-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(
                "<li class=\"reason\" data-code=\"VELOCITY_1M\">",
                "<code class=\"reason-code\">VELOCITY_1M</code>", "<span class=\"reason-points\">+500</span>",
                "<span class=\"reason-detail\">velocity_1m detail</span>",
                "<code class=\"reason-code\">NEW_COUNTRY</code>",
                "<dd id=\"alert-amount\">999.99 EUR</dd>", "<dd>5732</dd>", "<dd>FR</dd>", "<dd>ECOMMERCE</dd>",
                "id=\"card-history\"", "data-transaction-id=\"tx-page-0\"", "data-transaction-id=\"tx-page-1\"",
                "<svg id=\"amount-chart\"", "<circle class=\"decline\"", "<circle class=\"approve\"",
                "<dt>lastCountry</dt><dd>DE</dd>", "<dt>countries</dt><dd>[&quot;DE&quot;]</dd>",
                "id=\"profile-json\"", "id=\"audit-empty\"");
        assertThat(page.body().indexOf("data-transaction-id=\"tx-page-1\""))
                .as("newest first").isLessThan(page.body().indexOf("data-transaction-id=\"tx-page-0\""));
    }

    @Test
    void saysSoWhenTheDetectorHasNoProfile() {
        HttpResponse<String> page = browser.get("/alerts/tx-page-other");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<p id=\"profile-unavailable\" class=\"problem\">The detector has no "
                + "profile of this card.</p>");
    }

    @Test
    void answersAnUnknownAlertWith404() {
        HttpResponse<String> page = browser.get("/alerts/tx-nowhere");
        String viewer = tokens.generateToken(Authentication.build("vera", List.of(Roles.VIEWER)), 600).orElseThrow();
        HttpResponse<String> api = Browser.api(port, "GET", "/api/v1/alerts/tx-nowhere", viewer, null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<p id=\"error-detail\" class=\"problem\">No alert for transaction tx-nowhere</p>");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"No alert for transaction tx-nowhere\",\"instance\":\"/api/v1/alerts/tx-nowhere\"}");
    }

    @Test
    void answersTheCaseAsJson() {
        String viewer = tokens.generateToken(Authentication.build("vera", List.of(Roles.VIEWER)), 600).orElseThrow();

        HttpResponse<String> api = Browser.api(port, "GET", "/api/v1/alerts/tx-page-1", viewer, null);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"reasons\":[{\"code\":\"VELOCITY_1M\",\"points\":500,\"detail\":"
                        + "\"velocity_1m detail\"},{\"code\":\"NEW_COUNTRY\",\"points\":300,\"detail\":\"new_country detail\"}]",
                "\"history\":[{\"transactionId\":\"tx-page-1\"", "{\"transactionId\":\"tx-page-0\",\"outcome\":\"APPROVE\"",
                "\"audit\":[]");
    }
}

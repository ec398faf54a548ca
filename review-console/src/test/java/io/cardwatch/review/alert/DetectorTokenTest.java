package io.cardwatch.review.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.review.Browser;
import io.cardwatch.review.ConsoleTest;
import io.cardwatch.review.ConsoleTestServers;
import io.cardwatch.review.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A console whose detector token the detector does not accept still shows the alert, and says why no profile. */
@MicronautTest
class DetectorTokenTest extends ConsoleTest {

    private Browser browser;

    @Override
    protected Map<String, String> overrides() {
        return stubDetector("a-token-the-detector-does-not-know");
    }

    @BeforeAll
    void aCardWithAProfile() throws Exception {
        Fixtures.clear();
        Fixtures.scored("tx-token-1").card("card-page").outcome("DECLINE").score(800)
                .reasons("VELOCITY_1M:500", "NEW_COUNTRY:300").at("2026-11-20T09:05:00Z").insert();
        browser = new Browser(port);
        browser.signIn("analyst", ConsoleTestServers.PASSWORD);
    }

    @Test
    void saysTheDetectorRefusedTheTokenAndShowsNoProfile() {
        HttpResponse<String> page = browser.get("/alerts/tx-token-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<p id=\"profile-unavailable\" class=\"problem\">The detector refused the "
                + "query token of the console.</p>");
        assertThat(page.body()).doesNotContain("id=\"profile-json\"");
    }
}

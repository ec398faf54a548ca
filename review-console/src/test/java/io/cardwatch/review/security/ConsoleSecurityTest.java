package io.cardwatch.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.review.Browser;
import io.cardwatch.review.ConsoleTest;
import io.cardwatch.review.ConsoleTestServers;
import io.cardwatch.review.Fixtures;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No card data without sign-in; each role can do what it may and no more; forms need their CSRF token. */
@MicronautTest
class ConsoleSecurityTest extends ConsoleTest {


    @BeforeAll
    void oneOpenAlert() throws Exception {
        Fixtures.clear();
        Fixtures.scored("tx-sec-1").card("card-sec").insert();
    }

    @Test
    void sendsAnAnonymousPageRequestToSignIn() {
        HttpResponse<String> response = new Browser(port).get("/alerts/tx-sec-1");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
        assertThat(response.body()).doesNotContain("card-sec");
    }

    @Test
    void answersAnAnonymousApiRequestWith401ProblemDetails() {
        HttpResponse<String> response = Browser.api(port, "GET", "/api/v1/alerts/tx-sec-1", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Unauthorized\",\"instance\":\"/api/v1/alerts/tx-sec-1\"}");
    }

    @Test
    void letsProbesInWithoutSignIn() {
        assertThat(Browser.api(port, "GET", "/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(Browser.api(port, "GET", "/health/readiness", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void signsALocalUserInWithASessionCookieAndShowsTheQueue() {
        Browser browser = new Browser(port);

        HttpResponse<String> signIn = browser.signIn("analyst", ConsoleTestServers.PASSWORD);
        HttpResponse<String> queue = browser.get("/alerts");

        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/alerts");
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JWT=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("data-transaction-id=\"tx-sec-1\"");
    }

    @Test
    void renewsASessionThatWasIssuedMoreThanAMinuteAgoSoThatItTimesOutOnlyWhenIdle() {
        long now = java.time.Instant.now().getEpochSecond();
        String old = tokens.generateToken(Map.of("sub", "analyst", "roles", List.of(Roles.ANALYST, Roles.VIEWER),
                "iat", now - 120, "nbf", now - 120, "exp", now + 600)).orElseThrow();
        String fresh = tokens.generateToken(Authentication.build("analyst", List.of(Roles.ANALYST, Roles.VIEWER)), 600)
                .orElseThrow();

        HttpResponse<String> withOld = Browser.getWithCookie(port, "/alerts", "JWT=" + old);
        HttpResponse<String> withFresh = Browser.getWithCookie(port, "/alerts", "JWT=" + fresh);

        assertThat(withOld.statusCode()).isEqualTo(200);
        assertThat(withOld.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JWT=").doesNotContain(old).contains("Max-Age=1800"));
        assertThat(withFresh.statusCode()).isEqualTo(200);
        assertThat(withFresh.headers().allValues("Set-Cookie")).noneSatisfy(cookie ->
                assertThat(cookie).startsWith("JWT="));
    }

    @Test
    void signsOutWithTheFormOnEveryPage() {
        Browser browser = new Browser(port);
        browser.signIn("analyst", ConsoleTestServers.PASSWORD);
        browser.get("/alerts");

        HttpResponse<String> signOut = browser.post("/logout", Map.of());
        HttpResponse<String> after = browser.get("/alerts");

        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.headers().firstValue("Location")).hasValue("/login?signedOut=true");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void refusesAWrongPassword() {
        HttpResponse<String> signIn = new Browser(port).signIn("analyst", "wrong");

        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/login?error=true");
        assertThat(signIn.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).startsWith("JWT="));
    }

    @Test
    void forbidsAViewerToResolveThroughTheApi() throws Exception {
        String viewer = tokens.generateToken(Authentication.build("vera", List.of(Roles.VIEWER)), 600).orElseThrow();

        HttpResponse<String> read = Browser.api(port, "GET", "/api/v1/alerts/tx-sec-1", viewer, null);
        HttpResponse<String> resolve = Browser.api(port, "POST", "/api/v1/alerts/tx-sec-1/resolution", viewer,
                "{\"verdict\":\"FRAUD\",\"expectedStatus\":\"OPEN\",\"note\":\"\"}");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(resolve.statusCode()).isEqualTo(403);
        assertThat(resolve.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Fixtures.alertRow("tx-sec-1", "status")).isEqualTo(Map.of("status", "OPEN"));
    }

    @Test
    void forbidsAViewerToResolveOnThePage() throws Exception {
        Browser browser = new Browser(port);
        browser.signIn("viewer", ConsoleTestServers.PASSWORD);
        HttpResponse<String> page = browser.get("/alerts/tx-sec-1");

        HttpResponse<String> resolve = browser.post("/alerts/tx-sec-1/confirm-fraud",
                Map.of("expectedStatus", "OPEN", "note", ""));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"confirm-fraud\"");
        assertThat(resolve.statusCode()).isEqualTo(403);
        assertThat(Fixtures.alertRow("tx-sec-1", "status")).isEqualTo(Map.of("status", "OPEN"));
    }

    @Test
    void refusesAFormPostWithoutItsCsrfToken() throws Exception {
        Browser browser = new Browser(port);
        browser.signIn("analyst", ConsoleTestServers.PASSWORD);
        browser.get("/alerts/tx-sec-1");

        HttpResponse<String> withoutToken = browser.postForm("/alerts/tx-sec-1/confirm-fraud",
                Map.of("expectedStatus", "OPEN", "note", "forged"));
        HttpResponse<String> wrongToken = browser.postForm("/alerts/tx-sec-1/confirm-fraud",
                Map.of("expectedStatus", "OPEN", "note", "forged", "csrfToken", "not-the-token"));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(Fixtures.alertRow("tx-sec-1", "status")).isEqualTo(Map.of("status", "OPEN"));
    }

    @Test
    void refusesASignInWithoutItsCsrfToken() {
        Browser browser = new Browser(port);

        HttpResponse<String> signIn = browser.postForm("/login",
                Map.of("username", "analyst", "password", ConsoleTestServers.PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(signIn.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).startsWith("JWT="));
    }
}

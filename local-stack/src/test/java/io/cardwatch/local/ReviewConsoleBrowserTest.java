package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.events.Label;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import io.cardwatch.embedded.TopicContents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst's whole case in a real browser (headless Chromium): a velocity burst posted through the gateway is
 * found in the console's queue, confirmed as fraud and its card blocked; the card's next transaction is declined,
 * and the verdict is in PostgreSQL, on {@code labels} and in the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewConsoleBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CARD = "card-burst-1";

    private final Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
    private LocalStack stack;
    private WebDriver browser;

    @BeforeAll
    void startSystemAndBrowser() throws Exception {
        Path home = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();
        ensureChromium(home);
        Path dataDir = Path.of("target", "e2e-review-" + System.nanoTime()).toAbsolutePath();
        stack = LocalStack.startEmbedded(LocalStackOptions.forTest(home, dataDir), Map.of());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // As root Chromium needs --no-sandbox; the rest keeps it off the network it would call home on.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,1000",
                        "--user-data-dir=" + dataDir.resolve("chromium-profile"));
        // The installed driver, so that Selenium Manager never tries to download one.
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anAnalystConfirmsAVelocityBurstAsFraudAndBlocksTheCardWhoseNextTransactionIsDeclined() throws Exception {
        // Given a burst of twelve purchases in 33 seconds on one card, posted through the gateway
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(40);
        for (int i = 1; i <= 12; i++) {
            assertThat(post(transaction("burst-" + i, "25.00", start.plusSeconds(3L * i))).statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> query("SELECT transaction_id FROM decisions WHERE card_id = ?",
                CARD).size() == 12);
        String alerted = highestScoredAlert(CARD);

        // When the analyst signs in and finds the card's alerts in the queue
        browser.get(stack.reviewConsoleUrl() + "/alerts");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/login");
        browser.findElement(By.id("username")).sendKeys(stack.reviewUser());
        browser.findElement(By.id("password")).sendKeys(stack.reviewPassword());
        submit(browser.findElement(By.id("sign-in")));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/alerts");
        browser.findElement(By.id("filter-card")).sendKeys(CARD);
        submit(browser.findElement(By.id("apply-filters")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#alert-queue tr.alert-row"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getAttribute("data-transaction-id")).isEqualTo(alerted);
        screenshot("review-queue.png");

        // and opens the highest-scored one
        submit(rows.get(0).findElement(By.cssSelector("a.alert-link")));
        assertThat(browser.findElement(By.id("alert-transaction-id")).getText()).isEqualTo(alerted);
        assertThat(texts(By.cssSelector("#reasons li.reason"), "data-code")).anyMatch(code -> code.startsWith("VELOCITY_"));
        assertThat(texts(By.cssSelector("#card-history tr.history-row"), "data-transaction-id"))
                .contains("burst-1", "burst-12");
        assertThat(browser.findElements(By.id("profile-json"))).as("the live profile, read with the run's token")
                .hasSize(1);
        screenshot("review-alert.png");

        // and confirms it as fraud, then blocks the card
        browser.findElement(By.id("note")).sendKeys("twelve purchases in half a minute; holder denies them");
        submit(browser.findElement(By.id("confirm-fraud")));
        assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("CONFIRMED_FRAUD");
        browser.findElement(By.id("note")).sendKeys("card compromised");
        submit(browser.findElement(By.id("block-card")));

        // Then the audit shows both actions, by the analyst, with their notes
        assertThat(texts(By.cssSelector("#audit tr.audit-row"), "data-action"))
                .containsExactly("CONFIRM_FRAUD", "BLOCK_CARD");
        assertThat(browser.findElements(By.cssSelector("#audit td.audit-analyst")).stream().map(WebElement::getText))
                .containsOnly(stack.reviewUser());
        screenshot("review-audit.png");

        // and the verdict is on the alert row, and published as a label and a blocklist entry
        assertThat(alertRow(alerted)).isEqualTo("CONFIRMED_FRAUD|" + stack.reviewUser() + "|resolved");
        List<ConsumerRecord<String, Label>> labels = TopicContents.readAll(
                stack.infrastructure().kafkaBootstrapServers(), Topics.LABELS.name(),
                Topics.LABELS.keySerde().deserializer(), Topics.LABELS.valueSerde().deserializer());
        assertThat(labels).singleElement().satisfies(label -> {
            assertThat(label.key()).isEqualTo(alerted);
            assertThat(label.value().cardId()).isEqualTo(CARD);
            assertThat(label.value().verdict()).isEqualTo(Label.Verdict.FRAUD);
            assertThat(label.value().analyst()).isEqualTo(stack.reviewUser());
        });
        List<ConsumerRecord<String, ListEntry>> lists = TopicContents.readAll(
                stack.infrastructure().kafkaBootstrapServers(), Topics.CARD_LISTS.name(),
                Topics.CARD_LISTS.keySerde().deserializer(), Topics.CARD_LISTS.valueSerde().deserializer());
        assertThat(lists).singleElement().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo(ListEntry.cardKey(CARD));
            assertThat(entry.value().list()).isEqualTo(ListEntry.ListType.BLOCK);
        });

        // and once the detector holds the verdict, the card's next purchase, small and ordinary, is declined
        await().atMost(Duration.ofSeconds(30)).until(() -> profile(CARD).contains("\"mark\":{"));
        assertThat(post(transaction("after-verdict-1", "12.00", Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .statusCode()).isEqualTo(202);
        String decision = await().atMost(Duration.ofSeconds(60))
                .until(() -> decision("after-verdict-1"), found -> found != null);
        assertThat(decision).startsWith("DECLINE|").contains("CONFIRMED_FRAUD");
    }

    private static void ensureChromium(Path home) throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        Process installer = new ProcessBuilder(home.resolve("deploy/browser/ensure-chromium.sh").toString())
                .inheritIO().start();
        if (installer.waitFor() != 0) {
            // Only a machine without Debian's package manager may skip; anywhere else a failed install fails.
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")),
                    "Chromium and ChromeDriver are missing and this machine has no apt-get to install them");
            throw new IllegalStateException("Chromium could not be installed: see the message above");
        }
    }

    private List<String> texts(By locator, String attribute) {
        return browser.findElements(locator).stream().map(element -> element.getAttribute(attribute)).toList();
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String transaction(String id, String amount, Instant eventTime) {
        return ("{\"transactionId\":\"%s\",\"cardId\":\"%s\",\"amount\":%s,\"currency\":\"EUR\","
                + "\"merchantId\":\"m-42\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"latitude\":52.52,"
                + "\"longitude\":13.405,\"eventTime\":\"%s\",\"channel\":\"CARD_PRESENT\"}")
                .formatted(id, CARD, amount, eventTime);
    }

    private HttpResponse<String> post(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/v1/transactions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalStack.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Clicks what leads to the next page and waits until that page has replaced this one: a click returns before
     * the navigation it starts, and what is read before it ends belongs to the old page.
     */
    private void submit(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private String profile(String cardId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.detector().port() + "/cards/"
                + cardId + "/profile")).header("Authorization", "Bearer " + stack.queryToken())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String highestScoredAlert(String cardId) throws SQLException {
        return query("SELECT transaction_id FROM alerts WHERE card_id = ? "
                + "ORDER BY score DESC, raised_at DESC, transaction_id DESC LIMIT 1", cardId).get(0);
    }

    private String alertRow(String transactionId) throws SQLException {
        return query("SELECT status || '|' || analyst || '|' || CASE WHEN resolved_at IS NULL THEN 'open' "
                + "ELSE 'resolved' END FROM alerts WHERE transaction_id = ?", transactionId).get(0);
    }

    private String decision(String transactionId) throws SQLException {
        List<String> found = query("SELECT outcome || '|' || reasons::text FROM decisions WHERE transaction_id = ?",
                transactionId);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<String> query(String sql, String parameter) throws SQLException {
        Infrastructure infrastructure = stack.infrastructure();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}

package io.cardwatch.benchmarks;

import io.cardwatch.local.LocalStack;
import io.cardwatch.local.LocalStackOptions;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The review console's queue page over a million alerts: what an analyst waits for, from the request to the last
 * byte of the rendered page, signed in, one request at a time. {@code -Pbenchmark
 * -Dbench.main=io.cardwatch.benchmarks.ReviewQueueRun}; {@code -Dbench.scale} scales the number of alerts.
 */
public final class ReviewQueueRun {

    private static final int REQUESTS = 300;
    private static final int WARM_UP = 50;
    private static final int DEEP_PAGES = 200;
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfToken\"\\s+value=\"([^\"]+)\"");
    private static final Pattern NEXT_PAGE = Pattern.compile("id=\"next-page\"[^>]*href=\"([^\"]+)\"");

    private ReviewQueueRun() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
        long alerts = (long) (1_000_000 * scale);
        Path home = Path.of(System.getProperty("cardwatch.home", ".")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("benchmarks/target/review-queue-run");
        System.out.println(Hardware.describe());
        try (LocalStack stack = LocalStack.startEmbedded(LocalStackOptions.forTest(home, dataDir), Map.of());
             DecisionTable table = new DecisionTable(stack.infrastructure())) {
            long loading = System.nanoTime();
            insertAlerts(table.connection(), alerts);
            System.out.printf("%,d alerts in PostgreSQL (%,d open), loaded in %.1f s%n", alerts, open(alerts),
                    (System.nanoTime() - loading) / 1e9);
            Results results = new Results();
            for (Map.Entry<String, String> query : queries().entrySet()) {
                results.add(query.getKey(), timed(stack, query.getValue()), "GET /alerts" + query.getValue());
            }
            results.add("Queue page, pages 2 to " + (DEEP_PAGES + 1) + " by their next links", deepPages(stack),
                    "GET /alerts?cursor=...");
            System.out.println(results.table());
        }
    }

    /**
     * Alerts as a busy deployment accumulates them: a fifth still open, the rest resolved; scores from the review
     * threshold up, spread over 50,000 cards, 20,000 merchants, the reason codes of the rules, and 90 days.
     */
    private static void insertAlerts(Connection connection, long count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO alerts (transaction_id, card_id, outcome, score, reasons, event_time, raised_at,
                                        status, amount, currency, merchant_id, merchant_category, country, channel)
                    SELECT 'bench-' || i,
                           'card-' || (i % 50000),
                           CASE WHEN i % 4 = 0 THEN 'DECLINE' ELSE 'REVIEW' END,
                           300 + (i * 7919) % 701,
                           jsonb_build_array(jsonb_build_object(
                               'code', (ARRAY['VELOCITY_1M', 'AMOUNT_ANOMALY', 'NEW_MERCHANT_HIGH_AMOUNT',
                                              'UNUSUAL_HOUR', 'IMPOSSIBLE_TRAVEL', 'CARD_TESTING'])[1 + i % 6],
                               'points', 300, 'detail', 'benchmark alert ' || i)),
                           now() - make_interval(secs => (i * 7.776)::double precision),
                           now() - make_interval(secs => (i * 7.776)::double precision),
                           CASE WHEN i % 5 = 0 THEN 'OPEN'
                                WHEN i % 5 = 1 THEN 'LEGITIMATE'
                                ELSE 'CONFIRMED_FRAUD' END,
                           (10 + i % 990)::numeric, 'EUR', 'm-' || (i % 20000), '5411', 'DE', 'CARD_PRESENT'
                    FROM generate_series(1, ?) AS i
                    """);
             Statement statement = connection.createStatement()) {
            insert.setLong(1, count);
            insert.executeUpdate();
            statement.execute("ANALYZE alerts");
        }
    }

    private static long open(long alerts) {
        return alerts / 5;
    }

    /** The queries an analyst makes, by name. */
    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("Queue page, open alerts (first page)", "");
        queries.put("Queue page, one reason code", "?reason=IMPOSSIBLE_TRAVEL");
        queries.put("Queue page, DECLINE with score 900 or more", "?outcome=DECLINE&minScore=900");
        queries.put("Queue page, one card", "?cardId=card-4245");
        queries.put("Queue page, one merchant", "?merchantId=m-775");
        queries.put("Queue page, resolved as fraud", "?status=CONFIRMED_FRAUD");
        return queries;
    }

    private static String timed(LocalStack stack, String query) throws Exception {
        Browser browser = Browser.signIn(stack);
        Histogram histogram = new Histogram(60_000_000L, 3);
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            long start = System.nanoTime();
            browser.page("/alerts" + query);
            if (i >= WARM_UP) {
                histogram.recordValue((System.nanoTime() - start) / 1_000);
            }
        }
        return summary(histogram);
    }

    private static String deepPages(LocalStack stack) throws Exception {
        Browser browser = Browser.signIn(stack);
        Histogram histogram = new Histogram(60_000_000L, 3);
        String page = browser.page("/alerts");
        for (int i = 0; i < DEEP_PAGES; i++) {
            Matcher next = NEXT_PAGE.matcher(page);
            if (!next.find()) {
                throw new IllegalStateException("The queue page has no next-page link after page " + (i + 1));
            }
            long start = System.nanoTime();
            page = browser.page(next.group(1).replace("&amp;", "&"));
            histogram.recordValue((System.nanoTime() - start) / 1_000);
        }
        return summary(histogram);
    }

    private static String summary(Histogram micros) {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)",
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0, micros.getTotalCount());
    }

    /** A signed-in analyst's browser: its cookies, one request at a time. */
    private record Browser(HttpClient http, String baseUrl) {

        static Browser signIn(LocalStack stack) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            Browser browser = new Browser(http, stack.reviewConsoleUrl());
            Matcher csrf = CSRF_FIELD.matcher(browser.page("/login"));
            if (!csrf.find()) {
                throw new IllegalStateException("The sign-in page has no CSRF field");
            }
            String form = "username=" + encode(stack.reviewUser()) + "&password=" + encode(stack.reviewPassword())
                    + "&csrfToken=" + encode(csrf.group(1));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(browser.baseUrl + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 200 || !signedIn.uri().getPath().startsWith("/alerts")) {
                throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode() + " at " + signedIn.uri());
            }
            return browser;
        }

        String page(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}

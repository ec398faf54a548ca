package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.Topics;
import io.cardwatch.simulator.HttpSender;
import io.cardwatch.simulator.Simulation;
import io.cardwatch.simulator.SimulationLabels;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TrafficModel;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every query of every dashboard in helm/cardwatch/dashboards returns data, and every alert of the chart's
 * PrometheusRule evaluates over series that exist, in a real Prometheus that has scraped both services of a
 * running system under traffic, over many scrape intervals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesTest {

    private static final String NAMESPACE = "local";
    // Grafana's own variables, as Grafana would expand them for a recent time range and 1 s scrapes.
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "15s", "$__interval", "5s", "$__range", "5m", "${datasource}", "prometheus");
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*([a-z_]+)\\)$");
    private static final Pattern SELECTOR = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*\\{[^}]*}");
    // The matcher that is an alert's condition: its series appear only with the first 5xx answer.
    private static final String FIVE_XX = ", http_response_status_code=~\"5..\"";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path home = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();
    private ChartAlertRules alertRules;
    private LocalStack stack;
    private PrometheusServer prometheus;

    @BeforeAll
    void runTheSystemUnderTrafficWithPrometheusScrapingIt() throws Exception {
        Path dataDir = Path.of("target", "dashboards-" + System.nanoTime()).toAbsolutePath();
        alertRules = ChartAlertRules.render(home, NAMESPACE);
        LocalStackOptions options = LocalStackOptions.forTest(home, dataDir);
        stack = LocalStack.startEmbedded(options);
        prometheus = PrometheusServer.start(home, dataDir.resolve("prometheus"), NAMESPACE,
                Map.of("ingest-gateway", "127.0.0.1:" + options.gatewayMetricsPort(),
                        "fraud-detector", "127.0.0.1:" + options.detectorMetricsPort()),
                alertRules.write(dataDir.resolve("prometheus/cardwatch-rules.yml")));
        sendTraffic(stack);
    }

    @AfterAll
    void stop() throws Exception {
        try (LocalStack closedLast = stack) {
            if (prometheus != null) {
                prometheus.close();
            }
        }
    }

    @Test
    void everyPanelAndVariableOfEveryDashboardReturnsDataFromALiveSystem() throws Exception {
        List<DashboardQuery> queries = dashboardQueries();
        assertThat(queries.stream().map(DashboardQuery::dashboard).distinct())
                .containsExactlyInAnyOrder("Cardwatch / Pipeline overview", "Cardwatch / Fraud operations",
                        "Cardwatch / Sink and database");

        // once Prometheus has scraped what the traffic left
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(withoutData(queries, DashboardQuery::promql)).isEmpty());
        System.out.printf("Dashboard queries: %d, each with data%n", queries.size());
    }

    /** Those of {@code queries} that return no data. */
    private <T> List<T> withoutData(List<T> queries, Function<T, String> promql) throws Exception {
        List<T> failures = new ArrayList<>();
        for (T query : queries) {
            if (prometheus.query(promql.apply(query)).isEmpty()) {
                failures.add(query);
            }
        }
        return failures;
    }

    @Test
    void everyAlertEvaluatesWithoutErrorOverSeriesTheServicesExport() throws Exception {
        // given every alert evaluated at least once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(prometheus.alertingRules())
                .extracting(rule -> rule.path("health").asText()).doesNotContain("unknown"));

        // then Prometheus evaluates each without error
        assertThat(prometheus.alertingRules()).extracting(rule -> rule.path("name").asText())
                .containsExactlyInAnyOrderElementsOf(alertRules.expressions().keySet());
        for (JsonNode rule : prometheus.alertingRules()) {
            assertThat(rule.path("health").asText()).as("%s: %s", rule.path("name").asText(),
                    rule.path("lastError").asText()).isEqualTo("ok");
        }
        for (String expression : alertRules.expressions().values()) {
            prometheus.query(expression);
        }
        // and each selector matches series, once scraped: one that matches none would never fire
        List<AlertSelector> selectors = new ArrayList<>();
        for (var alert : alertRules.expressions().entrySet()) {
            Matcher selector = SELECTOR.matcher(alert.getValue());
            while (selector.find()) {
                selectors.add(new AlertSelector(alert.getKey(), selector.group().replace(FIVE_XX, "")));
            }
        }
        assertThat(selectors.size()).isGreaterThanOrEqualTo(alertRules.expressions().size());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(withoutData(selectors, AlertSelector::selector)).isEmpty());
        System.out.printf("Alert selectors: %d, each with series%n", selectors.size());
    }

    /** A series selector in an alert's expression, without the matcher that is its condition. */
    record AlertSelector(String alert, String selector) {
    }

    @Test
    void onlyTheDeadLetterAlertIsPendingAfterTheUnreadableRecord() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        alertRules.expressions().keySet().forEach(alert -> expected.put(alert, "inactive"));
        expected.put("CardwatchDeadLetters", "pending");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alertStates()).isEqualTo(expected));

        JsonNode deadLetters = prometheus.alertingRules().stream()
                .filter(rule -> rule.path("name").asText().equals("CardwatchDeadLetters")).findFirst().orElseThrow();
        assertThat(deadLetters.path("alerts")).singleElement().satisfies(alert -> {
            assertThat(alert.path("labels").path("cardwatch_dead_letter_cause").asText()).isEqualTo("UNDESERIALIZABLE");
            assertThat(alert.path("labels").path("messaging_destination_name").asText()).isEqualTo("transactions");
            assertThat(alert.path("labels").path("severity").asText()).isEqualTo("warning");
        });
    }

    private Map<String, String> alertStates() throws Exception {
        Map<String, String> states = new TreeMap<>();
        prometheus.alertingRules().forEach(rule -> states.put(rule.path("name").asText(), rule.path("state").asText()));
        return states;
    }

    /** Labelled traffic with fraud, refused requests, and a record the detector cannot read. */
    private void sendTraffic(LocalStack stack) throws Exception {
        var traffic = new TrafficModel(new SimulationSettings(7, 200, Duration.ofMillis(20), 0.05, Instant.now()));
        try (HttpSender sender = new HttpSender(stack.gatewayUrl(), LocalStack.API_KEY, 3)) {
            new Simulation(traffic, sender, 16).run(3_000, 150, new SimulationLabels.Writer(Writer.nullWriter()),
                    summary -> { });
        }
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                            + "/v1/transactions")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + LocalStack.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"transactionId\":\"bad-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infrastructure().kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), "card-x", "{not a transaction")).get();
        }
    }

    private List<DashboardQuery> dashboardQueries() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<DashboardQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(home.resolve("helm/cardwatch/dashboards"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
                String title = dashboard.path("title").asText();
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    if (variable.path("type").asText().equals("query")) {
                        queries.add(new DashboardQuery(title, "variable " + variable.path("name").asText(),
                                variable.path("query").path("query").asText()));
                    }
                }
                addPanels(title, dashboard.path("panels"), queries);
            }
        }
        return queries;
    }

    private static void addPanels(String dashboard, JsonNode panels, List<DashboardQuery> queries) {
        for (JsonNode panel : panels) {
            if (panel.path("type").asText().equals("row")) {
                addPanels(dashboard, panel.path("panels"), queries);
                continue;
            }
            assertThat(panel.path("targets").size()).as("targets of panel %s", panel.path("title").asText())
                    .isPositive();
            for (JsonNode target : panel.path("targets")) {
                queries.add(new DashboardQuery(dashboard, panel.path("title").asText() + " ["
                        + target.path("refId").asText() + "]", target.path("expr").asText()));
            }
        }
    }

    /** One query of a dashboard, with Grafana's and the dashboard's variables as Grafana would expand them. */
    record DashboardQuery(String dashboard, String panel, String expr) {

        String promql() {
            String promql = expr.replace("$namespace", NAMESPACE).replace("$instance", ".*");
            for (var variable : GRAFANA_VARIABLES.entrySet()) {
                promql = promql.replace(variable.getKey(), variable.getValue());
            }
            // A variable's label_values(selector, label) lists the label's values of the selected series.
            Matcher labelValues = LABEL_VALUES.matcher(promql);
            return labelValues.matches() ? "count by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")"
                    : promql;
        }
    }
}

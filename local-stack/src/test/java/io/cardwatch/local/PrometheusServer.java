package io.cardwatch.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.embedded.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (2.x, Debian's package, installed by deploy/observability/ensure-prometheus.sh
 * when missing) on loopback, scraping the given jobs every second with a {@code namespace} label, as the
 * Helm chart's PodMonitor and docker-compose do, and evaluating a rule file every second.
 */
final class PrometheusServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Scrapes each job's {@code host:port} target, labelled with {@code namespace}, and evaluates the rules. */
    static PrometheusServer start(Path home, Path dir, String namespace, Map<String, String> targets, Path ruleFile)
            throws IOException, InterruptedException {
        install(home);
        Files.createDirectories(dir);
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "rule_files: [\"" + ruleFile + "\"]\nscrape_configs:\n");
        targets.forEach((job, target) -> config.append("  - job_name: ").append(job).append('\n')
                .append("    static_configs:\n      - targets: [\"").append(target).append("\"]\n")
                .append("        labels: {namespace: \"").append(namespace).append("\"}\n"));
        Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = FreePorts.pick();
        Process process = new ProcessBuilder("prometheus", "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port);
        server.awaitReady();
        return server;
    }

    /** The series an instant query returns; empty when it returns no data. */
    List<JsonNode> query(String promql) throws IOException, InterruptedException {
        List<JsonNode> series = new ArrayList<>();
        api("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result").forEach(series::add);
        return series;
    }

    /** The alerting rules as Prometheus evaluates them: name, query, state, health, last error. */
    List<JsonNode> alertingRules() throws IOException, InterruptedException {
        List<JsonNode> rules = new ArrayList<>();
        api("rules?type=alert").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    private JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/" + pathAndQuery);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException(body.path("error").asText("HTTP " + response.statusCode()));
        }
        return body.path("data");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void install(Path home) throws IOException, InterruptedException {
        Process installer = new ProcessBuilder(home.resolve("deploy/observability/ensure-prometheus.sh").toString())
                .inheritIO().start();
        if (installer.waitFor() != 0) {
            throw new IllegalStateException("Prometheus is not installed and could not be: see the message above");
        }
    }

    private void awaitReady() {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        await("Prometheus ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                .failFast("Prometheus exited", () -> !process.isAlive())
                .until(() -> HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}

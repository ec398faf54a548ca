package io.cardwatch.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.FreePorts;
import io.cardwatch.gateway.GatewayTest;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class IngestTelemetryTest extends GatewayTest {

    private final int metricsPort = FreePorts.pick();

    @Inject
    InMemorySpanExporter spans;

    @Override
    protected Map<String, String> overrides() {
        return Map.of("cardwatch.auth.enabled", "false", "otel.exporter.prometheus.port", String.valueOf(metricsPort),
                "test.spans", "in-memory");
    }

    @Test
    void theRequestSpanAndThePublishSpanShareATraceThatTheRecordCarriesOn() {
        spans.reset();

        var response = http.toBlocking().exchange(post("tx-traced"), String.class);

        assertThat(response.code()).isEqualTo(202);
        SpanData request = onlySpan(SpanKind.SERVER);
        SpanData publish = onlySpan(SpanKind.PRODUCER);
        assertThat(request.getName()).isEqualTo("POST /v1/transactions");
        assertThat(publish.getName()).isEqualTo("transactions publish");
        assertThat(publish.getTraceId()).isEqualTo(request.getTraceId());
        assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(traceparentOf("tx-traced"))
                .isEqualTo("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-01");
    }

    @Test
    void servesIngestKafkaAndJvmMetricsForPrometheus() throws Exception {
        http.toBlocking().exchange(post("tx-counted"), String.class);

        String scrape = scrape();

        assertThat(scrape)
                .contains("cardwatch_ingest_transactions_total{cardwatch_ingest_result=\"ACCEPTED\"")
                .contains("cardwatch_ingest_publish_duration_seconds_bucket{cardwatch_publish_stored=\"true\"")
                .contains("http_server_request_duration_seconds_count{http_request_method=\"POST\","
                        + "http_response_status_code=\"202\",http_route=\"/v1/transactions\"")
                .contains("kafka_producer_record_send_total{client_id=")
                .contains("jvm_memory_used_bytes{");
    }

    private SpanData onlySpan(SpanKind kind) {
        List<SpanData> found = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind)
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private String traceparentOf(String transactionId) {
        return publishedTransactions().stream()
                .filter(record -> record.value().contains("\"" + transactionId + "\""))
                .map(record -> new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    private String scrape() throws Exception {
        try (var body = URI.create("http://127.0.0.1:" + metricsPort + "/metrics").toURL().openStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpRequest<String> post(String transactionId) {
        return HttpRequest.POST("/v1/transactions", """
                {"transactionId":"%s","cardId":"card-1","amount":12.50,"currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","latitude":52.52,"longitude":13.405,"eventTime":"%s"}"""
                .formatted(transactionId, Instant.now().minusSeconds(5))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Keeps every finished span in memory, beside whatever exporter the configuration names. */
    @Factory
    @Requires(property = "test.spans", value = "in-memory")
    static class SpansInMemory {

        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }

        @Singleton
        SpanProcessor processor(InMemorySpanExporter exporter) {
            return SimpleSpanProcessor.create(exporter);
        }
    }
}

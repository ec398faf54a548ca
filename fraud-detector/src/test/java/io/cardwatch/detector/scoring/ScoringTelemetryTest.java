package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.model.ModelsInForce;
import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoringTelemetryTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String GATEWAY_SPAN_ID = "00f067aa0ba902b7";
    private static final Instant PUBLISHED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant SCORED = PUBLISHED.plusMillis(40);

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Transaction> transactions;
    private TestInputTopic<byte[], byte[]> rawTransactions;
    private TestOutputTopic<String, Decision> decisions;

    @BeforeEach
    void startTopology() {
        var openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        var meter = openTelemetry.getMeter("test");
        var telemetry = new ScoringTelemetry(openTelemetry, openTelemetry.getTracer("test"), meter,
                Clock.fixed(SCORED, ZoneOffset.UTC));
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, ScoringFixtures.scorer(), ScoringFixtures.policy(Duration.ofHours(1)),
                new ModelsInForce(), telemetry);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-telemetry-test");
        config.putAll(ScoringTopology.streamsSettings(new DeadLetterMetrics(meter)));
        driver = new TopologyTestDriver(builder.build(), config);
        transactions = driver.createInputTopic(Topics.TRANSACTIONS.name(),
                Topics.TRANSACTIONS.keySerde().serializer(), Topics.TRANSACTIONS.valueSerde().serializer());
        rawTransactions = driver.createInputTopic(Topics.TRANSACTIONS.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(),
                Topics.DECISIONS.keySerde().deserializer(), Topics.DECISIONS.valueSerde().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void scoresInsideASpanOfTheGatewaysTraceAndHandsThatSpanOnWithTheDecision() {
        var headers = new RecordHeaders().add("traceparent",
                ("00-" + TRACE_ID + "-" + GATEWAY_SPAN_ID + "-01").getBytes(StandardCharsets.UTF_8));

        transactions.pipeInput(new TestRecord<>("card-1", purchase("tx-1", "7500.00"), headers, PUBLISHED));

        SpanData scoring = spans.getFinishedSpanItems().get(0);
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        assertThat(scoring.getName()).isEqualTo("process transactions");
        assertThat(scoring.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(scoring.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(scoring.getParentSpanId()).isEqualTo(GATEWAY_SPAN_ID);
        assertThat(scoring.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo("transactions");
        assertThat(new String(decisions.readRecord().headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + TRACE_ID + "-" + scoring.getSpanId() + "-01");
    }

    @Test
    void countsDecisionsByOutcomeAndReasonAndMeasuresTheirLatency() {
        transactions.pipeInput(new TestRecord<>("card-1", purchase("tx-1", "12.50"), new RecordHeaders(), PUBLISHED));
        transactions.pipeInput(new TestRecord<>("card-1", purchase("tx-2", "7500.00"), new RecordHeaders(), PUBLISHED));

        Map<String, MetricData> collected = metrics.collectAllMetrics().stream()
                .collect(Collectors.toMap(MetricData::getName, metric -> metric));

        assertThat(counts(collected.get("cardwatch.decisions"))).isEqualTo(
                Map.of("{cardwatch.decision.outcome=\"APPROVE\"}", 1L, "{cardwatch.decision.outcome=\"REVIEW\"}", 1L,
                        "{cardwatch.decision.outcome=\"DECLINE\"}", 0L));
        assertThat(counts(collected.get("cardwatch.decision.reasons"))).isEqualTo(
                Map.of("{cardwatch.reason.code=\"LARGE_AMOUNT\"}", 1L));
        var latency = collected.get("cardwatch.decision.latency").getHistogramData().getPoints().iterator().next();
        assertThat(latency.getCount()).isEqualTo(2);
        assertThat(latency.getSum()).isEqualTo(0.08);
    }

    @Test
    void countsAnUnreadableTransactionAsADeadLetterOfItsCause() {
        rawTransactions.pipeInput("card-1".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));

        Map<String, MetricData> collected = metrics.collectAllMetrics().stream()
                .collect(Collectors.toMap(MetricData::getName, metric -> metric));

        assertThat(counts(collected.get("cardwatch.dead_letters"))).containsEntry(
                "{cardwatch.dead_letter.cause=\"UNDESERIALIZABLE\", messaging.destination.name=\"transactions\"}", 1L);
    }

    private static Map<String, Long> counts(MetricData metric) {
        return metric.getLongSumData().getPoints().stream()
                .collect(Collectors.toMap(point -> point.getAttributes().toString(), LongPointData::getValue));
    }

    private static Transaction purchase(String id, String amount) {
        return new Transaction(id, "card-1", new BigDecimal(amount), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                PUBLISHED.minusSeconds(1));
    }
}

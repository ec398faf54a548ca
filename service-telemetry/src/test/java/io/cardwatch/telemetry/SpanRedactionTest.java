package io.cardwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans leave the service without the card ID that Kafka keys and URLs put on them. */
class SpanRedactionTest {

    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanRedaction(exported))).build()).build();

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    @Test
    void removesTheRecordKeyThatTheKafkaInstrumentationPutsOnAPublishSpan() {
        // given: a producer instrumented as the services' producers are
        MockProducer<String, String> kafka = new MockProducer<>(true, null, new StringSerializer(),
                new StringSerializer());
        Producer<String, String> producer = KafkaTelemetry.create(sdk).wrap(kafka);

        // when
        producer.send(new ProducerRecord<>("transactions", "card-4111", "{}"));

        // then
        SpanData publish = onlySpan();
        assertThat(publish.getName()).isEqualTo("transactions publish");
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getAttributes().get(DESTINATION)).isEqualTo("transactions");
        assertThat(publish.getAttributes().get(SpanRedaction.MESSAGE_KEY)).isNull();
        assertThat(publish.getAttributes().asMap().values()).doesNotContain("card-4111");
        assertThat(publish.getTotalAttributeCount()).isEqualTo(publish.getAttributes().size());
    }

    @Test
    void replacesTheCardIdInAProfileQueryUrlAndInACardFilter() {
        // when
        sdk.getTracer("test").spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
                .setAllAttributes(Attributes.of(URL_FULL, "http://detector:8081/cards/card-4111/profile?local=true",
                        URL_PATH, "/cards/card-4111/profile", URL_QUERY, "status=OPEN&cardId=card-4111&minScore=300"))
                .startSpan().end();

        // then
        Attributes attributes = onlySpan().getAttributes();
        assertThat(attributes.get(URL_FULL)).isEqualTo("http://detector:8081/cards/{cardId}/profile?local=true");
        assertThat(attributes.get(URL_PATH)).isEqualTo("/cards/{cardId}/profile");
        assertThat(attributes.get(URL_QUERY)).isEqualTo("status=OPEN&cardId={cardId}&minScore=300");
    }

    @Test
    void leavesASpanWithoutCardDataAsItWas() {
        sdk.getTracer("test").spanBuilder("GET /v1/transactions/{transactionId}/decision")
                .setAttribute(URL_PATH, "/v1/transactions/tx-1/decision").setAttribute(URL_QUERY, "waitMs=200")
                .startSpan().end();

        Attributes attributes = onlySpan().getAttributes();
        assertThat(attributes.get(URL_PATH)).isEqualTo("/v1/transactions/tx-1/decision");
        assertThat(attributes.get(URL_QUERY)).isEqualTo("waitMs=200");
    }

    @Test
    void everyExporterTheSdkConfiguresExportsThroughTheRedaction() {
        // given: the SDK autoconfigured as micronaut-tracing does, with the services' customizer
        AutoConfiguredOpenTelemetrySdkBuilder builder = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "in-memory",
                        "otel.metrics.exporter", "none", "otel.logs.exporter", "none"));
        new SpanRedactionSetup().configure(builder);
        InMemorySpans.EXPORTER.reset();

        // when
        List<SpanData> spans;
        try (OpenTelemetrySdk configured = builder.build().getOpenTelemetrySdk()) {
            configured.getTracer("test").spanBuilder("transactions publish")
                    .setAttribute(SpanRedaction.MESSAGE_KEY, "card-4111").setAttribute(DESTINATION, "transactions")
                    .startSpan().end();
            configured.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
            spans = InMemorySpans.EXPORTER.getFinishedSpanItems();
        }

        // then
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).getAttributes().get(SpanRedaction.MESSAGE_KEY)).isNull();
        assertThat(spans.get(0).getAttributes().get(DESTINATION)).isEqualTo("transactions");
    }

    private SpanData onlySpan() {
        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }
}

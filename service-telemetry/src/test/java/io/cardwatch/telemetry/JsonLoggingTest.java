package io.cardwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JsonLoggingTest {

    @Test
    void writesEachEventAsOneJsonObjectCarryingTheCurrentTraceAndSpan() throws Exception {
        Span span = SdkTracerProvider.builder().build().get("test").spanBuilder("process transactions").startSpan();

        String logged = captureStandardOutput(() -> {
            try (Scope ignored = span.makeCurrent()) {
                LoggerFactory.getLogger("io.cardwatch.detector.scoring").warn("Dead letter {} at {}", "TOO_OLD",
                        "transactions-3@42");
            }
        });

        JsonNode event = new ObjectMapper().readTree(logged.lines().filter(line -> line.contains("Dead letter"))
                .findFirst().orElseThrow());
        assertThat(event.get("message").asText()).isEqualTo("Dead letter TOO_OLD at transactions-3@42");
        assertThat(event.get("level").asText()).isEqualTo("WARN");
        assertThat(event.get("logger_name").asText()).isEqualTo("io.cardwatch.detector.scoring");
        assertThat(event.get("trace_id").asText()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(event.get("span_id").asText()).isEqualTo(span.getSpanContext().getSpanId());
    }

    @Test
    void anEventOutsideAnySpanHasNoTraceId() throws Exception {
        String logged = captureStandardOutput(() -> LoggerFactory.getLogger("io.cardwatch.gateway").info("Started"));

        JsonNode event = new ObjectMapper().readTree(logged.lines().filter(line -> line.contains("Started"))
                .findFirst().orElseThrow());
        assertThat(event.get("message").asText()).isEqualTo("Started");
        assertThat(event.has("trace_id")).isFalse();
    }

    private static String captureStandardOutput(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}

package io.cardwatch.detector.sink;

import io.cardwatch.detector.telemetry.TraceHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * One span per decision written, in the trace of the transaction it decides (carried by the decision
 * record's headers), so that a transaction's trace ends with its row reaching the database. Every span of
 * a poll covers the same database transaction.
 */
@Singleton
class DecisionWriteSpans {

    static final String SPAN_NAME = "INSERT decisions";

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    DecisionWriteSpans(OpenTelemetry openTelemetry, Tracer tracer) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    List<Span> start(ConsumerRecords<String, byte[]> records) {
        List<Span> spans = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            Context parent = propagator.extract(Context.root(), record.headers(), TraceHeaders.GETTER);
            spans.add(tracer.spanBuilder(SPAN_NAME).setParent(parent).setSpanKind(SpanKind.CLIENT)
                    .setAttribute("db.system.name", "postgresql")
                    .setAttribute("db.operation.name", "INSERT")
                    .setAttribute("db.collection.name", "decisions")
                    .setAttribute("db.operation.batch.size", (long) records.count())
                    .startSpan());
        }
        return spans;
    }

    void end(List<Span> spans) {
        spans.forEach(Span::end);
    }

    void fail(List<Span> spans, RuntimeException error) {
        for (Span span : spans) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            span.end();
        }
    }
}

package io.cardwatch.detector.scoring;

import io.cardwatch.detector.telemetry.TraceHeaders;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.Topics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The spans and metrics of scoring. Each transaction gets a span continuing the trace its record carries
 * from the gateway; the decision records carry that span on to the sink. See docs/observability.md.
 */
public final class ScoringTelemetry {

    static final String SPAN_NAME = "process " + Topics.TRANSACTIONS.name();
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("cardwatch.decision.outcome");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("cardwatch.reason.code");

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram latency;
    private final LongCounter decisions;
    private final LongCounter reasons;
    private final Clock clock;

    public ScoringTelemetry(OpenTelemetry openTelemetry, Tracer tracer, Meter meter, Clock clock) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.clock = clock;
        latency = meter.histogramBuilder("cardwatch.decision.latency").setUnit("s")
                .setDescription("From a transaction's publication by the gateway to its decision")
                .setExplicitBucketBoundariesAdvice(List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                        1.0, 2.5, 5.0, 10.0, 30.0))
                .build();
        decisions = meter.counterBuilder("cardwatch.decisions").setUnit("{decision}")
                .setDescription("Decisions made, by outcome").build();
        reasons = meter.counterBuilder("cardwatch.decision.reasons").setUnit("{reason}")
                .setDescription("Reasons given on decisions, by reason code").build();
        for (Outcome outcome : Outcome.values()) {
            decisions.add(0, Attributes.of(OUTCOME, outcome.name()));
        }
    }

    /** No spans and no metrics: for topologies under test. */
    public static ScoringTelemetry disabled() {
        OpenTelemetry noop = OpenTelemetry.noop();
        return new ScoringTelemetry(noop, noop.getTracer("none"), noop.getMeter("none"), Clock.systemUTC());
    }

    Span startSpan(Headers headers, RecordMetadata source) {
        Context parent = propagator.extract(Context.root(), headers, TraceHeaders.GETTER);
        Span span = tracer.spanBuilder(SPAN_NAME).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", Topics.TRANSACTIONS.name())
                .startSpan();
        if (source != null) {
            span.setAttribute("messaging.destination.partition.id", String.valueOf(source.partition()));
            span.setAttribute("messaging.kafka.offset", source.offset());
        }
        propagator.inject(parent.with(span), headers, TraceHeaders.SETTER);
        return span;
    }

    void processed(long publishedAtMs) {
        latency.record(Math.max(0, clock.millis() - publishedAtMs) / 1e3);
    }

    void decided(String card, Decision decision) {
        decisions.add(1, Attributes.of(OUTCOME, decision.outcome().name()));
        for (Reason reason : decision.reasons()) {
            reasons.add(1, Attributes.of(REASON, reason.code()));
        }
    }
}

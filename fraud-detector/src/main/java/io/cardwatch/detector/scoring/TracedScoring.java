package io.cardwatch.detector.scoring;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Transaction;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Scores a transaction inside its span. The span's context replaces the gateway's in the record headers
 * before scoring, so the decisions forwarded from that record carry it to the decisions and alerts topics.
 */
final class TracedScoring implements Processor<String, Transaction, String, Decision> {

    private final Processor<String, Transaction, String, Decision> scoring;
    private final ScoringTelemetry telemetry;
    private ProcessorContext<String, Decision> context;

    TracedScoring(Processor<String, Transaction, String, Decision> scoring, ScoringTelemetry telemetry) {
        this.scoring = scoring;
        this.telemetry = telemetry;
    }

    @Override
    public void init(ProcessorContext<String, Decision> context) {
        this.context = context;
        scoring.init(context);
    }

    @Override
    public void process(Record<String, Transaction> record) {
        Span span = telemetry.startSpan(record.headers(), context.recordMetadata().orElse(null));
        try (Scope ignored = span.makeCurrent()) {
            scoring.process(record);
            telemetry.processed(record.timestamp());
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    @Override
    public void close() {
        scoring.close();
    }
}

package io.cardwatch.detector.sink;

import io.cardwatch.events.Decision;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** What the sink does, for operators: see docs/operations.md for the meaning of each instrument. */
@Singleton
class SinkMetrics {

    private final LongHistogram batchSize;
    private final DoubleHistogram batchDuration;
    private final DoubleHistogram decisionDelay;
    private final LongCounter written;
    private final LongCounter retries;
    private final LongCounter failovers;
    private final Clock clock;

    @Inject
    SinkMetrics(Meter meter) {
        this(meter, Clock.systemUTC());
    }

    SinkMetrics(Meter meter, Clock clock) {
        this.clock = clock;
        batchSize = meter.histogramBuilder("cardwatch.sink.batch.size").ofLongs().setUnit("{decision}")
                .setDescription("Decisions written per database transaction").build();
        batchDuration = meter.histogramBuilder("cardwatch.sink.batch.duration").setUnit("s")
                .setDescription("Time to write one batch, commit included").build();
        decisionDelay = meter.histogramBuilder("cardwatch.sink.delay").setUnit("s")
                .setDescription("From decision to its row committed in the database").build();
        written = meter.counterBuilder("cardwatch.sink.decisions.written").setUnit("{decision}")
                .setDescription("Decisions committed to the database").build();
        retries = meter.counterBuilder("cardwatch.sink.retries").setUnit("{retry}")
                .setDescription("Polls given back for redelivery because the database was unavailable").build();
        failovers = meter.counterBuilder("cardwatch.sink.failovers").setUnit("{failover}")
                .setDescription("Writes run again after the JDBC wrapper failed over").build();
        // Counted from zero at start-up, so that dashboards show none rather than no data.
        retries.add(0);
        failovers.add(0);
    }

    void batchWritten(List<Decision> batch, Duration took) {
        batchSize.record(batch.size());
        batchDuration.record(took.toNanos() / 1e9);
        written.add(batch.size());
        long now = clock.millis();
        batch.forEach(decision -> decisionDelay.record(Math.max(0, now - decision.decidedAt().toEpochMilli()) / 1e3));
    }

    void retried() {
        retries.add(1);
    }

    void failedOver() {
        failovers.add(1);
    }
}

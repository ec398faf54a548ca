package io.cardwatch.detector.sink;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How the decisions table is partitioned and kept, under {@code cardwatch.sink} (see docs/configuration.md). */
@ConfigurationProperties("cardwatch.sink")
final class SinkConfiguration {

    @Min(1) @Max(24)
    private int partitionsAhead = 3;
    /** Months of decisions to keep; 0 keeps them all. */
    @Min(0)
    private int retentionMonths = 0;

    public int getPartitionsAhead() {
        return partitionsAhead;
    }

    public void setPartitionsAhead(int partitionsAhead) {
        this.partitionsAhead = partitionsAhead;
    }

    public int getRetentionMonths() {
        return retentionMonths;
    }

    public void setRetentionMonths(int retentionMonths) {
        this.retentionMonths = retentionMonths;
    }
}

package io.cardwatch.detector.deadletter;

import io.cardwatch.events.DeadLetter;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Topics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs and counts every record set aside on the dead-letter topic, by cause and by the topic it came from,
 * wherever in the detector it is set aside. Kafka Streams' handlers, which Kafka instantiates, find it in their
 * configuration under {@link #CONFIG}.
 */
@Singleton
public final class DeadLetterMetrics {

    public static final String CONFIG = "cardwatch.dead-letter.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterMetrics.class);
    /** What the topology sets aside, of transactions and of labels. */
    private static final List<DeadLetterCause> TRANSACTION_CAUSES = List.of(DeadLetterCause.UNDESERIALIZABLE,
            DeadLetterCause.INVALID, DeadLetterCause.TOO_OLD);
    private static final List<DeadLetterCause> LABEL_CAUSES = List.of(DeadLetterCause.UNDESERIALIZABLE,
            DeadLetterCause.INVALID);
    private static final AttributeKey<String> CAUSE = AttributeKey.stringKey("cardwatch.dead_letter.cause");
    private static final AttributeKey<String> SOURCE = AttributeKey.stringKey("messaging.destination.name");

    private final LongCounter deadLetters;

    public DeadLetterMetrics(Meter meter) {
        deadLetters = meter.counterBuilder("cardwatch.dead_letters").setUnit("{record}")
                .setDescription("Records set aside on the dead-letter topic, by cause and source topic").build();
        TRANSACTION_CAUSES.forEach(cause -> expect(cause, Topics.TRANSACTIONS.name()));
        LABEL_CAUSES.forEach(cause -> expect(cause, Topics.LABELS.name()));
    }

    /** Counts a cause from zero, so that dashboards show none rather than no data until the first one. */
    public void expect(DeadLetterCause cause, String sourceTopic) {
        deadLetters.add(0, Attributes.of(CAUSE, cause.name(), SOURCE, sourceTopic));
    }

    public void setAside(DeadLetter deadLetter) {
        // The error as text, not as the logged throwable: a stack trace per refused record would drown the log.
        LOG.warn("Dead letter {} at {}: {}", deadLetter.cause(), deadLetter.coordinates(), deadLetter.error().toString());
        deadLetters.add(1, Attributes.of(CAUSE, deadLetter.cause().name(), SOURCE, deadLetter.sourceTopic()));
    }

    static DeadLetterMetrics from(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof DeadLetterMetrics metrics
                ? metrics
                : new DeadLetterMetrics(OpenTelemetry.noop().getMeter("none"));
    }
}

package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.model.ModelsInForce;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The scoring topology of {@link ScoringFixtures} (the default rules, rule set 1 reviewing from 300, a fixed
 * clock, live transactions of up to an hour) under a test driver, for tests of other packages that feed it.
 */
public final class TopologyDrivers {

    /** When the fixed clock decides: every decision's {@code decidedAt}. */
    public static final Instant NOW = ScoringFixtures.NOW;

    private TopologyDrivers() {
    }

    /** A driver of the whole topology, which puts the models published on {@code fraud-models} in {@code models}. */
    public static TopologyTestDriver scoring(ModelsInForce models) {
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, ScoringFixtures.scorer(), ScoringFixtures.policy(Duration.ofHours(1)), models);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        config.putAll(ScoringTopology.streamsSettings(new DeadLetterMetrics(OpenTelemetry.noop().getMeter("none"))));
        return new TopologyTestDriver(builder.build(), config);
    }
}

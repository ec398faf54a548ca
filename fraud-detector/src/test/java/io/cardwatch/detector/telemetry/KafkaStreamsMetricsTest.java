package io.cardwatch.detector.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Streams client's state as a gauge per state, which the scoring-stopped alert reads. */
class KafkaStreamsMetricsTest {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();

    @AfterEach
    void closeMeters() {
        meters.close();
    }

    @Test
    void reportsOneForTheClientsCurrentStateAndZeroForEveryOther(@TempDir Path stateDir) {
        // given a client that is created but not started: no broker is contacted
        KafkaStreams streams = streams(stateDir);
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, meters.get("io.cardwatch.detector"));

        // then
        assertThat(states()).isEqualTo(Map.of("CREATED", 1L, "REBALANCING", 0L, "RUNNING", 0L,
                "PENDING_SHUTDOWN", 0L, "NOT_RUNNING", 0L, "PENDING_ERROR", 0L, "ERROR", 0L));

        // when
        streams.close();

        // then
        assertThat(states()).containsEntry("NOT_RUNNING", 1L).containsEntry("CREATED", 0L);
        metrics.close();
    }

    private Map<String, Long> states() {
        Map<String, Long> states = new TreeMap<>();
        reader.collectAllMetrics().stream().filter(metric -> metric.getName().equals("kafka.stream.state"))
                .flatMap(metric -> metric.getLongGaugeData().getPoints().stream())
                .forEach((LongPointData point) -> states.put(point.getAttributes().get(AttributeKey.stringKey("state")),
                        point.getValue()));
        return states;
    }

    private static KafkaStreams streams(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("transactions").to("decisions");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new KafkaStreams(builder.build(), config);
    }
}

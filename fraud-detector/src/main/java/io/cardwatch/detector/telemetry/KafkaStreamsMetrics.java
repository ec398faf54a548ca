package io.cardwatch.detector.telemetry;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Bridges Kafka Streams' own metrics, which the Kafka clients' bridge does not cover, as
 * {@code kafka.stream.*} gauges with the thread and task IDs as attributes: how fast each stream thread
 * processes and commits, how long it is blocked, how many threads are alive and how many records tasks
 * dropped. The client's state, which Kafka reports as text, becomes {@code kafka.stream.state}: 1 for the
 * current state and 0 for every other, so that an alert can tell a stopped client from a running one.
 */
@Context
@Requires(beans = KafkaStreams.class)
final class KafkaStreamsMetrics implements AutoCloseable {

    private static final List<String> BRIDGED = List.of(
            "stream-metrics/alive-stream-threads",
            "stream-metrics/failed-stream-threads",
            "stream-thread-metrics/process-rate",
            "stream-thread-metrics/process-latency-avg",
            "stream-thread-metrics/process-latency-max",
            "stream-thread-metrics/process-ratio",
            "stream-thread-metrics/commit-rate",
            "stream-thread-metrics/commit-latency-avg",
            "stream-thread-metrics/commit-latency-max",
            "stream-thread-metrics/poll-rate",
            "stream-thread-metrics/poll-records-avg",
            "stream-thread-metrics/blocked-time-ns-total",
            "stream-task-metrics/dropped-records-total");

    private static final AttributeKey<String> STATE = AttributeKey.stringKey("state");

    private final BatchCallback callback;
    private final ObservableLongGauge state;

    KafkaStreamsMetrics(KafkaStreams streams, Meter meter) {
        Map<String, ObservableDoubleMeasurement> gauges = new LinkedHashMap<>();
        for (String metric : BRIDGED) {
            gauges.put(metric, meter.gaugeBuilder(instrumentName(metric))
                    .setDescription("Kafka Streams metric " + metric.replace('/', ' ')).buildObserver());
        }
        ObservableDoubleMeasurement first = gauges.values().iterator().next();
        this.callback = meter.batchCallback(() -> observe(streams.metrics(), gauges), first,
                gauges.values().stream().skip(1).toArray(ObservableDoubleMeasurement[]::new));
        this.state = meter.gaugeBuilder("kafka.stream.state").ofLongs()
                .setDescription("Kafka Streams client state: 1 for the current one").buildWithCallback(gauge -> {
                    KafkaStreams.State current = streams.state();
                    for (KafkaStreams.State each : KafkaStreams.State.values()) {
                        gauge.record(each == current ? 1 : 0, Attributes.of(STATE, each.name()));
                    }
                });
    }

    @PreDestroy
    @Override
    public void close() {
        callback.close();
        state.close();
    }

    private static void observe(Map<MetricName, ? extends Metric> metrics, Map<String, ObservableDoubleMeasurement> gauges) {
        metrics.forEach((name, metric) -> {
            ObservableDoubleMeasurement gauge = gauges.get(name.group() + "/" + name.name());
            if (gauge != null && metric.metricValue() instanceof Number value && Double.isFinite(value.doubleValue())) {
                gauge.record(value.doubleValue(), attributes(name.tags()));
            }
        });
    }

    private static Attributes attributes(Map<String, String> tags) {
        AttributesBuilder attributes = Attributes.builder();
        tags.forEach((key, value) -> {
            if (!key.equals("client-id")) {
                attributes.put(key.replace('-', '_'), value);
            }
        });
        return attributes.build();
    }

    /** {@code stream-thread-metrics/process-rate} becomes {@code kafka.stream.thread.process_rate}. */
    static String instrumentName(String metric) {
        String[] parts = metric.split("/");
        String group = parts[0].replaceFirst("^stream-?", "").replaceFirst("-?metrics$", "");
        return "kafka.stream." + (group.isEmpty() ? "" : group + ".") + parts[1].replace('-', '_');
    }
}

package io.cardwatch.detector.streams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

/**
 * {@code /health/liveness}: DOWN once the Kafka Streams client has stopped or is stopping for good, so that
 * Kubernetes restarts a pod that no longer scores. Readiness (the framework's Streams indicator) is DOWN for
 * longer, during every rebalance and restore as well, which must not restart a pod.
 */
@Singleton
@Liveness
@Requires(beans = KafkaStreams.class)
class StreamsLiveness implements HealthIndicator {

    static final String NAME = "kafkaStreamsClient";

    private final KafkaStreams streams;

    StreamsLiveness(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(result());
    }

    HealthResult result() {
        KafkaStreams.State state = streams.state();
        return HealthResult.builder(NAME, statusOf(state)).details(Map.of("state", state.name())).build();
    }

    static HealthStatus statusOf(KafkaStreams.State state) {
        return switch (state) {
            case CREATED, REBALANCING, RUNNING -> HealthStatus.UP;
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> HealthStatus.DOWN;
        };
    }
}

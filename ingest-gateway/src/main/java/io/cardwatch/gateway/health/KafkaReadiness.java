package io.cardwatch.gateway.health;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.reactivestreams.Publisher;

/**
 * Readiness follows Kafka: while no broker answers within a short timeout the gateway is not ready, so that
 * a load balancer sends producers elsewhere. Replaces micronaut-kafka's indicator, which can wait minutes
 * for an absent broker.
 */
@Singleton
@Readiness
final class KafkaReadiness implements HealthIndicator {

    private static final String NAME = "kafka";
    private static final int TIMEOUT_MS = 2000;

    private final BeanProvider<AdminClient> admin;

    KafkaReadiness(BeanProvider<AdminClient> admin) {
        this.admin = admin;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CompletableFuture<Collection<Node>> nodes;
        try {
            nodes = admin.get().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().toCompletionStage().toCompletableFuture();
        } catch (RuntimeException e) {
            nodes = CompletableFuture.failedFuture(e);
        }
        return Publishers.fromCompletableFuture(nodes.handle(KafkaReadiness::result));
    }

    private static HealthResult result(Collection<Node> nodes, Throwable failure) {
        if (failure != null) {
            return HealthResult.builder(NAME, HealthStatus.DOWN)
                    .details(Map.of("error", String.valueOf(failure.getMessage()))).build();
        }
        return HealthResult.builder(NAME, nodes.isEmpty() ? HealthStatus.DOWN : HealthStatus.UP)
                .details(Map.of("nodes", nodes.size())).build();
    }
}

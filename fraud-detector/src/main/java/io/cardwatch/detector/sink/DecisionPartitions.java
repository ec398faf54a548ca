package io.cardwatch.detector.sink;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps monthly partitions of the decisions table ready ahead of time and, when a retention is set,
 * drops the partitions that have aged out. Every detector instance may run it: each step is idempotent.
 */
@Singleton
class DecisionPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionPartitions.class);

    private final JdbcOperations jdbc;
    private final SinkConfiguration configuration;

    DecisionPartitions(JdbcOperations jdbc, SinkConfiguration configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    @Scheduled(initialDelay = "10s", fixedDelay = "${cardwatch.sink.partition-maintenance-interval:1h}")
    void maintain() {
        try {
            List<String> dropped = maintainNow();
            if (!dropped.isEmpty()) {
                LOG.info("Dropped decision partitions past retention: {}", dropped);
            }
        } catch (RuntimeException e) {
            // Rows still land in the default partition meanwhile: worth a warning, not a crash.
            LOG.warn("Decision partition maintenance failed; will try again", e);
        }
    }

    @Transactional
    List<String> maintainNow() {
        jdbc.prepareStatement("SELECT ensure_decision_partitions(?)", statement -> {
            statement.setInt(1, configuration.getPartitionsAhead());
            return statement.execute();
        });
        if (configuration.getRetentionMonths() <= 0) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT drop_decision_partitions_older_than(?)", statement -> {
            statement.setInt(1, configuration.getRetentionMonths());
            List<String> dropped = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    dropped.add(result.getString(1));
                }
            }
            return dropped;
        });
    }
}

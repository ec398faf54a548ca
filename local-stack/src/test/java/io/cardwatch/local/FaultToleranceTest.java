package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.simulator.HttpSender;
import io.cardwatch.simulator.RunSummary;
import io.cardwatch.simulator.Simulation;
import io.cardwatch.simulator.SimulationLabels;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TrafficModel;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Pushes transactions through the whole system while, in turn, the detector is killed, PostgreSQL is
 * stopped, every database session is terminated and the broker is restarted; then counts. The number of
 * transactions is {@code -Dcardwatch.faults.transactions} (100,000 by default).
 */
class FaultToleranceTest {

    private static final long SEED = 2026;
    private static final String PREFIX = "sim-" + SEED + "-";

    /** The last progress report of the load, to time the faults against the traffic actually sent. */
    private final AtomicReference<RunSummary> progress = new AtomicReference<>(new RunSummary(0, 0, 0, 0, Duration.ZERO));

    @Test
    void noAcceptedTransactionIsLostOrDuplicatedThroughCrashesRestartsAndOutages() throws Exception {
        int total = Integer.getInteger("cardwatch.faults.transactions", 100_000);
        Path home = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();
        Path dataDir = Path.of("target", "faults-" + System.nanoTime()).toAbsolutePath();
        try (LocalStack stack = LocalStack.startEmbedded(LocalStackOptions.forTest(home, dataDir))) {
            var infrastructure = (EmbeddedInfrastructure) stack.infrastructure();
            var traffic = new TrafficModel(new SimulationSettings(SEED, 5_000, Duration.ofMillis(1), 0.0,
                    Instant.now()));
            var load = new Simulation(traffic, new HttpSender(stack.gatewayUrl(), LocalStack.API_KEY, 1_000), 64);
            StringWriter labels = new StringWriter();
            var outcome = new CompletableFuture<RunSummary>();
            Thread producers = new Thread(() -> run(load, total, labels, outcome), "fault-load");
            producers.start();

            awaitSettled(total * 15 / 100, outcome);
            log("killing the fraud detector");
            stack.detector().kill();
            stack.detector().start();

            awaitSettled(total * 35 / 100, outcome);
            log("stopping PostgreSQL for 5 s");
            infrastructure.postgres().stop();
            // The outage's length is the fault (docs/operations.md), not a wait for something to happen.
            Thread.sleep(5000);
            infrastructure.postgres().start();

            awaitSettled(total * 55 / 100, outcome);
            assertThat(terminateDatabaseSessions(stack.infrastructure())).as("sessions terminated").isPositive();

            awaitSettled(total * 75 / 100, outcome);
            log("restarting the Kafka broker with " + (total - progress.get().sent()) + " transactions still to send");
            infrastructure.broker().stop();
            // Likewise the fault: the broker stays down for 3 s.
            Thread.sleep(3000);
            infrastructure.broker().start();

            RunSummary summary = outcome.get();
            Set<String> accepted = SimulationLabels.read(new StringReader(labels.toString())).keySet();
            Set<String> stored = awaitStored(stack.infrastructure(), accepted.size());
            long rows = countRows(stack.infrastructure());
            Set<String> lost = new HashSet<>(accepted);
            lost.removeAll(stored);
            Set<String> unexpected = new HashSet<>(stored);
            unexpected.removeAll(accepted);
            System.out.printf("Fault suite: %s; decision rows=%d lost=%d duplicated=%d unexpected=%d%n", summary, rows,
                    lost.size(), rows - stored.size(), unexpected.size());

            assertThat(summary.refused() + summary.failed()).isZero();
            assertThat(accepted).hasSize(total);
            assertThat(lost).isEmpty();
            assertThat(rows).isEqualTo(stored.size());
            assertThat(unexpected).isEmpty();
        }
    }

    private void run(Simulation load, int total, StringWriter labels, CompletableFuture<RunSummary> outcome) {
        try {
            outcome.complete(load.run(total, 0, new SimulationLabels.Writer(labels), progress::set));
        } catch (Exception e) {
            outcome.completeExceptionally(e);
        }
    }

    /**
     * Waits until the load has settled {@code settled} transactions, however long the faults make it take, up to a
     * bound far beyond any run seen, so that a load that stalls without failing fails the test rather than hangs.
     */
    private void awaitSettled(int settled, CompletableFuture<RunSummary> outcome) {
        await(settled + " transactions settled").atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                .failFast("the load failed", outcome::isCompletedExceptionally)
                .until(() -> {
                    RunSummary latest = progress.get();
                    return latest.accepted() + latest.refused() + latest.failed() >= settled;
                });
    }

    private static void log(String fault) {
        System.out.println("Fault suite: " + fault);
    }

    private static Set<String> awaitStored(Infrastructure infrastructure, int expected) {
        return await("every accepted transaction's decision stored").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1)).until(() -> storedIds(infrastructure), ids -> ids.size() >= expected);
    }

    private static Set<String> storedIds(Infrastructure infrastructure) throws Exception {
        Set<String> ids = new HashSet<>();
        query(infrastructure, "SELECT transaction_id FROM decisions WHERE transaction_id LIKE '" + PREFIX + "%'",
                result -> ids.add(result.getString(1)));
        return ids;
    }

    private static long countRows(Infrastructure infrastructure) throws Exception {
        long[] count = new long[1];
        query(infrastructure, "SELECT count(*) FROM decisions WHERE transaction_id LIKE '" + PREFIX + "%'",
                result -> count[0] = result.getLong(1));
        return count[0];
    }

    /** Terminates every session of the detector's pool, once the pool has some again after the restart. */
    private static long terminateDatabaseSessions(Infrastructure infrastructure) {
        long terminated = await("sessions of the detector's pool").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    long[] count = new long[1];
                    query(infrastructure, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                            + "datname = 'cardwatch' AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
                            result -> count[0] = result.getLong(1));
                    return count[0];
                }, count -> count > 0);
        log("terminated " + terminated + " database sessions");
        return terminated;
    }

    private interface RowReader {
        void read(ResultSet result) throws Exception;
    }

    private static void query(Infrastructure infrastructure, String sql, RowReader reader) throws Exception {
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                reader.read(result);
            }
        }
    }
}

package io.cardwatch.benchmarks;

import io.cardwatch.local.Infrastructure;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.postgresql.PGConnection;

/** PostgreSQL's fastest way in, COPY, into the same decisions table: the ceiling for the sink. */
final class CopyBaseline {

    private CopyBaseline() {
    }

    static Rate run(Infrastructure infrastructure, long rows) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (long i = 0; i < rows; i++) {
            csv.append("copy-").append(i).append(",card-").append(i % 10_000)
                    .append(",APPROVE,0,[],42.5000,EUR,m-1,1,2026-11-22T09:00:00Z,2026-11-22T09:00:01Z\n");
        }
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.databaseUser(), infrastructure.databasePassword())) {
            long started = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY decisions (transaction_id, card_id, outcome, score, reasons, amount, currency, merchant_id, "
                            + "rules_version, event_time, decided_at) FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
            Rate rate = new Rate(copied, Duration.ofNanos(System.nanoTime() - started));
            connection.createStatement().execute("DELETE FROM decisions WHERE transaction_id LIKE 'copy-%'");
            return rate;
        }
    }
}

package io.cardwatch.benchmarks;

import static org.awaitility.Awaitility.await;

import io.cardwatch.local.Infrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The decisions table as the benchmarks read it, over one connection held for the whole run: the waits poll it
 * every few milliseconds, and a connection per poll would load the database being measured.
 */
final class DecisionTable implements AutoCloseable {

    private final Connection connection;

    DecisionTable(Infrastructure database) throws SQLException {
        this.connection = DriverManager.getConnection(database.jdbcUrl(), database.databaseUser(),
                database.databasePassword());
    }

    /** Every decision row. */
    long rows() {
        return rowsOf("");
    }

    /** The decision rows of transactions whose ID starts with {@code transactionIdPrefix}. */
    long rowsOf(String transactionIdPrefix) {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM decisions WHERE transaction_id LIKE ?")) {
            count.setString(1, transactionIdPrefix + "%");
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the decision rows", e);
        }
    }

    /** Waits until the rows of {@code transactionIdPrefix} reach {@code expected}, and returns their count. */
    long awaitRowsOf(String transactionIdPrefix, long expected, Duration timeout) {
        return await(expected + " decisions stored").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> rowsOf(transactionIdPrefix), rows -> rows >= expected);
    }

    void truncate() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE decisions, alerts");
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

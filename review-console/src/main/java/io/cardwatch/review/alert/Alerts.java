package io.cardwatch.review.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;

/** Reads one alert. */
@Singleton
public class Alerts {

    private static final String FIND = "SELECT " + AlertRows.COLUMNS + " FROM alerts WHERE transaction_id = ?";

    private final JdbcOperations jdbc;
    private final AlertRows rows;

    Alerts(JdbcOperations jdbc, AlertRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public Optional<Alert> find(String transactionId) {
        return jdbc.prepareStatement(FIND, statement -> {
            statement.setString(1, transactionId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(rows.read(row)) : Optional.empty();
            }
        });
    }

    /** The alert, or 404. */
    public Alert get(String transactionId) {
        return find(transactionId).orElseThrow(() -> new AlertNotFoundException(transactionId));
    }
}

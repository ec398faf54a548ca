package io.cardwatch.review.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The actions taken on an alert, oldest first. */
@Singleton
public class AuditTrail {

    private static final String OF_ALERT = """
            SELECT id, action, analyst, note, before::text AS before, after::text AS after, acted_at
            FROM alert_actions WHERE transaction_id = ? ORDER BY acted_at, id""";

    private final JdbcOperations jdbc;

    AuditTrail(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> of(String transactionId) {
        return jdbc.prepareStatement(OF_ALERT, statement -> {
            statement.setString(1, transactionId);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(new AuditEntry(row.getLong("id"), row.getString("action"), row.getString("analyst"),
                            row.getString("note"), row.getString("before"), row.getString("after"),
                            AlertRows.instant(row.getTimestamp("acted_at"))));
                }
            }
            return entries;
        });
    }
}

package io.cardwatch.review.alert;

import io.cardwatch.events.Outcome;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** A card's most recent decisions, newest first, along {@code decisions_card_event_time}. */
@Singleton
public class CardHistory {

    private static final String RECENT = """
            SELECT d.transaction_id, d.outcome, d.score, d.reasons::text AS reasons, d.amount, d.currency,
                   d.merchant_id, d.merchant_category, d.country, d.channel, d.event_time, d.decided_at,
                   a.status AS alert_status
            FROM decisions d LEFT JOIN alerts a ON a.transaction_id = d.transaction_id
            WHERE d.card_id = ?
            ORDER BY d.event_time DESC, d.transaction_id DESC
            LIMIT ?""";

    private final JdbcOperations jdbc;
    private final AlertRows rows;

    CardHistory(JdbcOperations jdbc, AlertRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public List<CardDecision> recent(String cardId, int limit) {
        return jdbc.prepareStatement(RECENT, statement -> {
            statement.setString(1, cardId);
            statement.setInt(2, limit);
            List<CardDecision> decisions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String status = row.getString("alert_status");
                    decisions.add(new CardDecision(row.getString("transaction_id"),
                            Outcome.valueOf(row.getString("outcome")), row.getInt("score"),
                            rows.reasons(row.getString("reasons")), row.getBigDecimal("amount"),
                            AlertRows.trimmed(row.getString("currency")), row.getString("merchant_id"),
                            row.getString("merchant_category"), row.getString("country"), row.getString("channel"),
                            AlertRows.instant(row.getTimestamp("event_time")),
                            AlertRows.instant(row.getTimestamp("decided_at")),
                            status == null ? null : AlertStatus.valueOf(status)));
                }
            }
            return decisions;
        });
    }
}

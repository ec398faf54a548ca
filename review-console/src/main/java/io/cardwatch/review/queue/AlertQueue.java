package io.cardwatch.review.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.review.alert.Alert;
import io.cardwatch.review.alert.AlertRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pages through the queue: highest score first, then the most recently raised, the transaction ID breaking ties.
 * Each page continues from its cursor with a row comparison that an index scan of {@code alerts_queue} (or, for
 * one status, {@code alerts_status_queue}) starts from directly, so a page costs the same on the first page and
 * the ten-thousandth, over a million alerts.
 */
@Singleton
class AlertQueue {

    private final JdbcOperations jdbc;
    private final AlertRows rows;
    private final ObjectMapper json;

    AlertQueue(JdbcOperations jdbc, AlertRows rows, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
    }

    @Transactional(readOnly = true)
    QueuePage page(QueueFilter filter, @Nullable Cursor after, int size) {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(filter, after, size, parameters);
        List<Alert> alerts = jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<Alert> found = new ArrayList<>(size + 1);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(rows.read(row));
                }
            }
            return found;
        });
        // One row more than a page was asked for, to know whether another page follows without counting.
        if (alerts.size() > size) {
            List<Alert> page = alerts.subList(0, size);
            return new QueuePage(page, Cursor.after(page.get(size - 1)).encode());
        }
        return new QueuePage(alerts, null);
    }

    String sql(QueueFilter filter, @Nullable Cursor after, int size, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT ").append(AlertRows.COLUMNS).append(" FROM alerts WHERE ");
        if (filter.status() == null) {
            // Literal, not a parameter: the planner uses the partial index only when it can see its predicate.
            sql.append("status IN ('OPEN', 'ESCALATED')");
        } else {
            sql.append("status = ?");
            parameters.add(filter.status().name());
        }
        condition(sql, parameters, "outcome = ?", filter.outcome() == null ? null : filter.outcome().name());
        condition(sql, parameters, "reasons @> ?::jsonb", filter.reason() == null ? null : reasonJson(filter.reason()));
        condition(sql, parameters, "score >= ?", filter.minScore());
        condition(sql, parameters, "score <= ?", filter.maxScore());
        condition(sql, parameters, "card_id = ?", filter.cardId());
        condition(sql, parameters, "merchant_id = ?", filter.merchantId());
        condition(sql, parameters, "raised_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, parameters, "raised_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        if (after != null) {
            sql.append(" AND (score, raised_at, transaction_id) < (?, ?, ?)");
            parameters.add(after.score());
            parameters.add(Timestamp.from(after.raisedAt()));
            parameters.add(after.transactionId());
        }
        sql.append(" ORDER BY score DESC, raised_at DESC, transaction_id DESC LIMIT ?");
        parameters.add(size + 1);
        return sql.toString();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, @Nullable Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    private String reasonJson(String code) {
        try {
            return json.writeValueAsString(List.of(Map.of("code", code)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a reason filter", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}

package io.cardwatch.review.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads {@code alerts} rows, selected with {@link #COLUMNS}, and the reasons column of any table. */
@Singleton
public final class AlertRows {

    public static final String COLUMNS = "transaction_id, card_id, outcome, score, reasons::text AS reasons, "
            + "event_time, raised_at, status, amount, currency, merchant_id, merchant_category, country, channel, "
            + "resolution, analyst, resolved_at";

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    AlertRows(ObjectMapper json) {
        this.json = json;
    }

    public Alert read(ResultSet row) throws SQLException {
        return new Alert(row.getString("transaction_id"), row.getString("card_id"),
                Outcome.valueOf(row.getString("outcome")), row.getInt("score"), reasons(row.getString("reasons")),
                instant(row.getTimestamp("event_time")), instant(row.getTimestamp("raised_at")),
                AlertStatus.valueOf(row.getString("status")), row.getBigDecimal("amount"),
                trimmed(row.getString("currency")), row.getString("merchant_id"), row.getString("merchant_category"),
                row.getString("country"), row.getString("channel"), row.getString("resolution"),
                row.getString("analyst"), instant(row.getTimestamp("resolved_at")));
    }

    public List<Reason> reasons(String column) {
        try {
            return json.readValue(column, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable reasons in the database: " + column, e);
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** {@code char(3)} pads; an absent currency stays absent. */
    static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}

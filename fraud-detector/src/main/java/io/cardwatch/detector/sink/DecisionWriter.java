package io.cardwatch.detector.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Outcome;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Writes a batch of decisions, and an alert for each one a person must look at, in one transaction; a
 * decision or alert already stored is left as it is.
 */
@Singleton
class DecisionWriter {

    private static final String UPSERT = """
            INSERT INTO decisions (transaction_id, card_id, outcome, score, reasons, amount, currency, merchant_id,
                                   rules_version, event_time, decided_at, merchant_category, country, latitude,
                                   longitude, channel, models)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (transaction_id, event_time) DO NOTHING""";

    /** Alerts are copied from the decision rows just written: nothing is bound or serialized twice. */
    private static final String RAISE_ALERTS = """
            INSERT INTO alerts (transaction_id, card_id, outcome, score, reasons, event_time, amount, currency,
                                merchant_id, merchant_category, country, channel)
            SELECT transaction_id, card_id, outcome, score, reasons, event_time, amount, currency, merchant_id,
                   merchant_category, country, channel FROM decisions
            WHERE transaction_id = ANY (?) AND outcome <> 'APPROVE'
            ON CONFLICT (transaction_id) DO NOTHING""";

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    DecisionWriter(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    void write(List<Decision> decisions) {
        jdbc.prepareStatement(UPSERT, statement -> {
            for (Decision decision : decisions) {
                bindDecision(statement, decision);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        Object[] alerted = decisions.stream().filter(decision -> decision.outcome() != Outcome.APPROVE)
                .map(Decision::transactionId).toArray();
        if (alerted.length > 0) {
            jdbc.prepareStatement(RAISE_ALERTS, statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("text", alerted));
                return statement.executeUpdate();
            });
        }
    }

    private void bindDecision(PreparedStatement statement, Decision decision) throws SQLException {
        statement.setString(1, decision.transactionId());
        statement.setString(2, decision.cardId());
        statement.setString(3, decision.outcome().name());
        statement.setInt(4, decision.score());
        statement.setString(5, reasonsJson(decision));
        statement.setBigDecimal(6, decision.amount());
        statement.setString(7, decision.currency());
        statement.setString(8, decision.merchantId());
        statement.setString(9, decision.rulesVersion());
        statement.setTimestamp(10, Timestamp.from(decision.eventTime()));
        statement.setTimestamp(11, Timestamp.from(decision.decidedAt()));
        statement.setString(12, decision.merchantCategory());
        statement.setString(13, decision.country());
        statement.setObject(14, decision.latitude(), Types.DOUBLE);
        statement.setObject(15, decision.longitude(), Types.DOUBLE);
        statement.setString(16, decision.channel() == null ? null : decision.channel().name());
        statement.setString(17, modelsJson(decision));
    }

    private String reasonsJson(Decision decision) {
        try {
            return json.writeValueAsString(decision.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the reasons of " + decision.transactionId(), e);
        }
    }

    // NULL, not [], when no model is in force: what the rows written before models were scored hold, so that
    // "no model" reads one way in every row.
    private String modelsJson(Decision decision) {
        if (decision.models().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(decision.models());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the model scores of " + decision.transactionId(), e);
        }
    }
}

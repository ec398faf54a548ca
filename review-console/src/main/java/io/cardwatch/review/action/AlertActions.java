package io.cardwatch.review.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.Label;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import io.cardwatch.review.alert.Alert;
import io.cardwatch.review.alert.AlertNotFoundException;
import io.cardwatch.review.alert.Action;
import io.cardwatch.review.alert.AlertStatus;
import io.cardwatch.review.alert.Alerts;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out analysts' actions, each in one database transaction: the alert row changes only if it still has
 * the status the analyst saw (optimistic concurrency: a stale form is refused with 409), the action is audited,
 * and the label or list entry is published before the transaction commits. A failed publish rolls the row and
 * the audit back, so the database never records a verdict the detector was not told.
 *
 * <p>Why publishing before the commit is safe the other way round: if the commit fails after Kafka took the
 * record, the alert stays as it was and the analyst is told to try again; the retry publishes the same verdict
 * under the same key, which the compacted topic keeps once, and the detector applies a verdict it already holds
 * without effect. A BLOCK entry published twice is the same entry.
 */
@Singleton
class AlertActions {

    static final int MAX_NOTE_LENGTH = 2000;

    private static final String CHANGE_STATUS = """
            UPDATE alerts SET status = ?, resolution = ?, analyst = ?, resolved_at = ?
            WHERE transaction_id = ? AND status = ?
            RETURNING card_id, event_time""";

    private static final String AUDIT = """
            INSERT INTO alert_actions (transaction_id, card_id, action, analyst, note, before, after, acted_at)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";

    private final JdbcOperations jdbc;
    private final Alerts alerts;
    private final ReviewPublisher publisher;
    private final ObjectMapper json;

    AlertActions(JdbcOperations jdbc, Alerts alerts, ReviewPublisher publisher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.publisher = publisher;
        this.json = json;
    }

    /**
     * Confirms fraud, marks legitimate or escalates the alert, provided it is still {@code expected}.
     *
     * @throws ActionConflictException when it is not, or when the action cannot be taken from its status
     */
    @Transactional
    ActionOutcome changeStatus(Action action, String transactionId, AlertStatus expected, String note, String analyst) {
        AlertStatus target = action.target();
        if (target == null) {
            throw new IllegalArgumentException(action + " does not change an alert's status");
        }
        String checkedNote = checked(note);
        if (!action.allowedFrom(expected)) {
            throw new ActionConflictException("An alert that is " + expected + " cannot be given " + action, expected);
        }
        Instant now = now();
        Optional<Changed> changed = jdbc.prepareStatement(CHANGE_STATUS, statement -> {
            statement.setString(1, target.name());
            statement.setString(2, checkedNote);
            statement.setString(3, analyst);
            statement.setTimestamp(4, target.open() ? null : Timestamp.from(now));
            statement.setString(5, transactionId);
            statement.setString(6, expected.name());
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Changed(row.getString("card_id"), row.getTimestamp("event_time").toInstant()))
                        : Optional.<Changed>empty();
            }
        });
        if (changed.isEmpty()) {
            Alert current = alerts.find(transactionId).orElseThrow(() -> new AlertNotFoundException(transactionId));
            throw new ActionConflictException("The alert is " + current.status() + " now, not " + expected
                    + ": someone acted on it since it was loaded. Nothing was changed.", current.status());
        }
        String cardId = changed.get().cardId();
        audit(transactionId, cardId, action, analyst, checkedNote, Map.of("status", expected.name()),
                Map.of("status", target.name()), now);
        Label.Verdict verdict = action.verdict();
        if (verdict == null) {
            return new ActionOutcome(transactionId, cardId, action, expected, target, analyst, checkedNote, now, null, null);
        }
        Label label = new Label(transactionId, cardId, verdict, analyst, changed.get().eventTime(), now);
        try {
            publisher.label(transactionId, label);
        } catch (RuntimeException e) {
            throw new PublishFailedException("label", e);
        }
        return new ActionOutcome(transactionId, cardId, action, expected, target, analyst, checkedNote, now,
                Topics.LABELS_NAME, transactionId);
    }

    /** Puts the alert's card on the blocklist, so that the detector declines its next transactions. */
    @Transactional
    ActionOutcome blockCard(String transactionId, String note, String analyst) {
        String checkedNote = checked(note);
        Alert alert = alerts.get(transactionId);
        Instant now = now();
        String key = ListEntry.cardKey(alert.cardId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("cardList", ListEntry.ListType.BLOCK.name());
        after.put("key", key);
        audit(transactionId, alert.cardId(), Action.BLOCK_CARD, analyst, checkedNote, Map.of(), after, now);
        String entryNote = (checkedNote.isEmpty() ? "blocked" : checkedNote) + " (" + analyst + ", alert "
                + transactionId + ")";
        try {
            publisher.cardList(key, new ListEntry(ListEntry.ListType.BLOCK, entryNote));
        } catch (RuntimeException e) {
            throw new PublishFailedException("card block", e);
        }
        return new ActionOutcome(transactionId, alert.cardId(), Action.BLOCK_CARD, alert.status(), alert.status(),
                analyst, checkedNote, now, Topics.CARD_LISTS_NAME, key);
    }

    private void audit(String transactionId, String cardId, Action action, String analyst, String note,
                       Map<String, ?> before, Map<String, ?> after, Instant actedAt) {
        jdbc.prepareStatement(AUDIT, statement -> {
            statement.setString(1, transactionId);
            statement.setString(2, cardId);
            statement.setString(3, action.name());
            statement.setString(4, analyst);
            statement.setString(5, note);
            statement.setString(6, write(before));
            statement.setString(7, write(after));
            statement.setTimestamp(8, Timestamp.from(actedAt));
            return statement.executeUpdate();
        });
    }

    private static String checked(String note) {
        String trimmed = note == null ? "" : note.strip();
        if (trimmed.length() > MAX_NOTE_LENGTH) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        return trimmed;
    }

    private String write(Map<String, ?> state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit state", e);
        }
    }

    /** PostgreSQL keeps microseconds: the instant returned is the one stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private record Changed(String cardId, Instant eventTime) {
    }
}

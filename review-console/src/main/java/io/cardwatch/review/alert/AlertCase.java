package io.cardwatch.review.alert;

import java.util.List;

/**
 * Everything the console knows about an alert from PostgreSQL: the alert with its reasons, the card's recent
 * decisions (newest first) and the actions taken on it (oldest first).
 */
public record AlertCase(Alert alert, List<CardDecision> history, List<AuditEntry> audit) {

    public AlertCase {
        history = List.copyOf(history);
        audit = List.copyOf(audit);
    }
}

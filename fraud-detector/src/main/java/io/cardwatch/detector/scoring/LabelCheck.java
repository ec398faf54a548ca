package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Label;
import java.util.ArrayList;
import java.util.List;

/** The contract a label must meet to be applied to its card; a breach sends it to the dead-letter topic. */
final class LabelCheck {

    private LabelCheck() {
    }

    /** {@code label}, or a {@link RejectedRecordException} naming everything wrong with it. */
    static Label valid(String key, Label label) {
        List<String> problems = new ArrayList<>();
        require(problems, label.transactionId(), "transactionId");
        require(problems, label.cardId(), "cardId");
        require(problems, label.verdict(), "verdict");
        require(problems, label.analyst(), "analyst");
        require(problems, label.eventTime(), "eventTime");
        require(problems, label.labelledAt(), "labelledAt");
        if (label.transactionId() != null && !label.transactionId().equals(key)) {
            problems.add("key " + key + " is not the transaction ID");
        }
        if (!problems.isEmpty()) {
            throw new RejectedRecordException(DeadLetterCause.INVALID,
                    "Label of " + label.transactionId() + ": " + String.join(", ", problems));
        }
        return label;
    }

    private static void require(List<String> problems, Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(field + " is missing");
        }
    }
}

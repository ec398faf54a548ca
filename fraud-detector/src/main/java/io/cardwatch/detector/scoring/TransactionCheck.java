package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The contract a transaction record must meet to be scored; a breach sends it to the dead-letter topic. */
final class TransactionCheck {

    private TransactionCheck() {
    }

    /** {@code transaction}, or a {@link RejectedRecordException} naming everything wrong with it. */
    static Transaction valid(String key, Transaction transaction) {
        if (transaction == null) {
            throw new RejectedRecordException(DeadLetterCause.INVALID, "Transaction is empty");
        }
        List<String> problems = new ArrayList<>();
        require(problems, transaction.transactionId(), "transactionId");
        require(problems, transaction.cardId(), "cardId");
        require(problems, transaction.currency(), "currency");
        require(problems, transaction.merchantId(), "merchantId");
        require(problems, transaction.merchantCategory(), "merchantCategory");
        require(problems, transaction.country(), "country");
        require(problems, transaction.eventTime(), "eventTime");
        if (transaction.amount() == null || transaction.amount().compareTo(BigDecimal.ZERO) <= 0) {
            problems.add("amount must be positive");
        }
        if (transaction.cardId() != null && !transaction.cardId().equals(key)) {
            // The key is a card ID (or was meant to be one): named in no message, since messages are logged.
            problems.add("the record key is not the card ID");
        }
        if (!problems.isEmpty()) {
            throw new RejectedRecordException(DeadLetterCause.INVALID,
                    "Transaction " + transaction.transactionId() + ": " + String.join(", ", problems));
        }
        return transaction;
    }

    private static void require(List<String> problems, Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(field + " is missing");
        }
    }
}

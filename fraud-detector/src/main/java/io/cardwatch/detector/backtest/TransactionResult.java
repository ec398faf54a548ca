package io.cardwatch.detector.backtest;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import java.time.Instant;
import java.util.List;

/** The decision the backtest reached on one labelled transaction, with the label beside it. */
record TransactionResult(String transactionId, String cardId, Instant eventTime, boolean fraud, String scenario,
                         Outcome outcome, int score, List<String> reasons) {

    TransactionResult {
        reasons = List.copyOf(reasons);
    }

    static TransactionResult of(LabelledTransaction row, Decision decision) {
        return new TransactionResult(decision.transactionId(), decision.cardId(), decision.eventTime(), row.fraud(),
                row.scenario(), decision.outcome(), decision.score(),
                decision.reasons().stream().map(Reason::code).toList());
    }

    /** Whether the transaction raised an alert: a person reviews it, or it is declined. */
    boolean flagged() {
        return outcome != Outcome.APPROVE;
    }

    boolean declined() {
        return outcome == Outcome.DECLINE;
    }
}

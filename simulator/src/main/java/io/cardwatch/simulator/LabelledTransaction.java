package io.cardwatch.simulator;

import io.cardwatch.events.Transaction;

/**
 * A simulated transaction with the scenario it belongs to and, for fraud, the number of its episode (the
 * transactions of one attack share it); everyday purchases have episode 0.
 */
public record LabelledTransaction(Transaction transaction, Scenario scenario, long episode) {
}

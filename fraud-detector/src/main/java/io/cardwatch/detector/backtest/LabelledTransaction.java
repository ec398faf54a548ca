package io.cardwatch.detector.backtest;

import io.cardwatch.events.Transaction;

/**
 * One row of a labelled history: the transaction, whether it was fraud, and the fraud scenario when the file
 * names one (null otherwise).
 */
record LabelledTransaction(Transaction transaction, boolean fraud, String scenario) {
}

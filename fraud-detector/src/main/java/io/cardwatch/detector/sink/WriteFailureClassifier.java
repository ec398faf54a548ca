package io.cardwatch.detector.sink;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import software.amazon.jdbc.plugin.failover.FailoverSuccessSQLException;
import software.amazon.jdbc.plugin.failover.TransactionStateUnknownSQLException;

/**
 * Decides from an exception whether a write may succeed if tried again. The AWS JDBC wrapper's outcomes
 * come first: a successful failover (08S02) or an unknown transaction state (08007) both leave a working
 * connection and call for the transaction to be run again; a failed failover (08001) is an outage.
 */
@Singleton
class WriteFailureClassifier {

    /** SQLState prefixes of conditions that pass: connection, resources, shutdown, serialization, locks. */
    private static final List<String> TRANSIENT_STATES = List.of("08", "53", "57P", "40001", "40P01", "55P03", "58");

    WriteFailure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FailoverSuccessSQLException || cause instanceof TransactionStateUnknownSQLException) {
                return WriteFailure.FAILED_OVER;
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return WriteFailure.TRANSIENT;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return TRANSIENT_STATES.stream().anyMatch(sql.getSQLState()::startsWith)
                        ? WriteFailure.TRANSIENT : WriteFailure.PERMANENT;
            }
        }
        // No SQL state to go by (a pool or transaction-manager failure): assume the database is away.
        return WriteFailure.TRANSIENT;
    }
}

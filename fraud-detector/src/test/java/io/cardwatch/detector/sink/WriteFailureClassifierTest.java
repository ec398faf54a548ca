package io.cardwatch.detector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.jdbc.plugin.failover.FailoverFailedSQLException;
import software.amazon.jdbc.plugin.failover.FailoverSuccessSQLException;
import software.amazon.jdbc.plugin.failover.TransactionStateUnknownSQLException;

class WriteFailureClassifierTest {

    private final WriteFailureClassifier classifier = new WriteFailureClassifier();

    @ParameterizedTest(name = "SQLState {0} is {1}")
    @CsvSource({
        "08006, TRANSIENT",   // connection failure
        "08001, TRANSIENT",   // cannot connect
        "57P01, TRANSIENT",   // admin shutdown (pg_terminate_backend)
        "53300, TRANSIENT",   // too many connections
        "40001, TRANSIENT",   // serialization failure
        "40P01, TRANSIENT",   // deadlock
        "22001, PERMANENT",   // value too long
        "23514, PERMANENT",   // check constraint
        "42P01, PERMANENT"    // undefined table
    })
    void classifiesPostgresStatesFoundAnywhereInTheCauseChain(String state, WriteFailure expected) {
        var wrapped = new DataAccessException("write failed", new SQLException("boom", state));

        assertThat(classifier.classify(wrapped)).isEqualTo(expected);
    }

    @Test
    void aSuccessfulFailoverCallsForTheSameWriteAgain() {
        assertThat(classifier.classify(new DataAccessException("x", new FailoverSuccessSQLException())))
                .isEqualTo(WriteFailure.FAILED_OVER);
    }

    @Test
    void anUnknownTransactionStateCallsForTheTransactionAgain() {
        assertThat(classifier.classify(new TransactionStateUnknownSQLException())).isEqualTo(WriteFailure.FAILED_OVER);
    }

    @Test
    void aFailedFailoverIsAnOutage() {
        assertThat(classifier.classify(new FailoverFailedSQLException("no writer"))).isEqualTo(WriteFailure.TRANSIENT);
    }

    @Test
    void aPoolTimeoutIsAnOutage() {
        assertThat(classifier.classify(new SQLTransientConnectionException("pool timeout")))
                .isEqualTo(WriteFailure.TRANSIENT);
    }

    @Test
    void aFailureWithoutAnySqlStateIsTreatedAsAnOutage() {
        assertThat(classifier.classify(new IllegalStateException("no connection"))).isEqualTo(WriteFailure.TRANSIENT);
    }
}

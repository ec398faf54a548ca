package io.cardwatch.review.export;

import io.cardwatch.events.Channel;
import io.cardwatch.events.LabelledHistory;
import io.cardwatch.events.Transaction;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;

/**
 * Streams the scored transactions of a time range from {@code decisions}, in event-time order, as a labelled
 * history file (the backtest's own layout, {@link LabelledHistory}): {@code fraud} is true where the transaction's
 * alert was confirmed fraud. Transactions without a verdict export as {@code fraud=false}, unless only labelled
 * ones are asked for; the scenario is empty and the episode 0, which the database does not know.
 *
 * <p>Rows are read through a server-side cursor and written a chunk at a time as the client reads, so an export
 * of millions of rows holds one chunk in memory, not the file.
 */
@Singleton
class LabelledHistoryExport {

    static final int CHUNK_ROWS = 1000;

    private static final String ROWS = """
            SELECT d.transaction_id, d.card_id, d.amount, d.currency, d.merchant_id, d.merchant_category, d.country,
                   d.latitude, d.longitude, d.event_time, d.channel, a.status
            FROM decisions d LEFT JOIN alerts a ON a.transaction_id = d.transaction_id
            WHERE d.event_time >= ? AND d.event_time < ?%s
            ORDER BY d.event_time, d.transaction_id""";
    private static final String LABELLED_ONLY = " AND a.status IN ('CONFIRMED_FRAUD', 'LEGITIMATE')";

    private final DataSource dataSource;

    LabelledHistoryExport(DataSource dataSource) {
        // The raw pool: the export holds its own connection for as long as the client reads, outside any
        // transaction the framework manages.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The file as chunks of UTF-8 text, header first; read lazily, and the cursor closed however it ends. */
    Flux<byte[]> export(Instant from, Instant to, boolean labelledOnly) {
        return Flux.generate(() -> Cursor.open(dataSource, from, to, labelledOnly), Cursor::nextChunk, Cursor::close);
    }

    /** An open query and the writer that turns its rows into CSV. */
    private static final class Cursor {

        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final StringWriter buffer = new StringWriter();
        private final LabelledHistory.Writer writer;
        private boolean headerWritten;

        private Cursor(Connection connection, PreparedStatement statement, ResultSet rows) throws IOException {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.writer = new LabelledHistory.Writer(buffer);
        }

        static Cursor open(DataSource dataSource, Instant from, Instant to, boolean labelledOnly) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                // PostgreSQL streams with a cursor only inside a transaction and with a fetch size.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                PreparedStatement statement = connection.prepareStatement(
                        ROWS.formatted(labelledOnly ? LABELLED_ONLY : ""));
                statement.setFetchSize(CHUNK_ROWS);
                statement.setTimestamp(1, Timestamp.from(from));
                statement.setTimestamp(2, Timestamp.from(to));
                return new Cursor(connection, statement, statement.executeQuery());
            } catch (SQLException | IOException e) {
                closeQuietly(connection);
                throw new IllegalStateException("Cannot read the labelled history", e);
            }
        }

        Cursor nextChunk(SynchronousSink<byte[]> sink) {
            try {
                int written = 0;
                while (written < CHUNK_ROWS && rows.next()) {
                    writer.write(transaction(rows), "CONFIRMED_FRAUD".equals(rows.getString("status")), null, 0);
                    written++;
                }
                if (written == 0) {
                    if (!headerWritten) {
                        // The CSV writer puts the header before the first row; a range without rows still has one.
                        buffer.write(String.join(",", LabelledHistory.COLUMNS) + "\n");
                        emit(sink);
                    }
                    sink.complete();
                    return this;
                }
                emit(sink);
            } catch (SQLException | IOException e) {
                sink.error(new IllegalStateException("Cannot read the labelled history", e));
            }
            return this;
        }

        private void emit(SynchronousSink<byte[]> sink) {
            headerWritten = true;
            StringBuffer text = buffer.getBuffer();
            sink.next(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }

        private static Transaction transaction(ResultSet row) throws SQLException {
            String channel = row.getString("channel");
            Instant eventTime = row.getTimestamp("event_time").toInstant();
            return new Transaction(row.getString("transaction_id"), row.getString("card_id"),
                    row.getBigDecimal("amount").stripTrailingZeros(), row.getString("currency").trim(),
                    row.getString("merchant_id"), row.getString("merchant_category"), row.getString("country"),
                    row.getDouble("latitude"), row.getDouble("longitude"), eventTime,
                    channel == null ? null : Channel.valueOf(channel));
        }

        void close() {
            try (writer) {
                rows.close();
                statement.close();
                connection.rollback();
            } catch (SQLException | IOException e) {
                throw new UncheckedIOException(new IOException("Cannot close the labelled-history cursor", e));
            } finally {
                closeQuietly(connection);
            }
        }

        private static void closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // Already failing: the first error is the one worth reporting.
                }
            }
        }
    }
}

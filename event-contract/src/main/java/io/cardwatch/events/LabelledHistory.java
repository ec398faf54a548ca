package io.cardwatch.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;

/**
 * Cardwatch's own layout of a labelled history file: CSV with a header, one row a transaction, its fields
 * named as in {@link Transaction} (event time in ISO-8601, channel empty when unknown), then its label:
 * {@code fraud} ({@code true} or {@code false}) and, where known, the fraud {@code scenario} and the
 * {@code episode} the transaction belongs to. The backtest and the history loader read it without a column
 * mapping; other layouts need one (docs/backtest.md).
 */
public final class LabelledHistory {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("transactionId", "cardId", "amount", "currency",
            "merchantId", "merchantCategory", "country", "latitude", "longitude", "eventTime", "channel", "fraud",
            "scenario", "episode");

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

    private LabelledHistory() {
    }

    /** One row of the file. */
    @JsonPropertyOrder({"transactionId", "cardId", "amount", "currency", "merchantId", "merchantCategory", "country",
            "latitude", "longitude", "eventTime", "channel", "fraud", "scenario", "episode"})
    record Row(String transactionId, String cardId, String amount, String currency, String merchantId,
               String merchantCategory, String country, double latitude, double longitude, String eventTime,
               String channel, boolean fraud, String scenario, long episode) {

        static Row of(Transaction transaction, boolean fraud, String scenario, long episode) {
            return new Row(transaction.transactionId(), transaction.cardId(), transaction.amount().toPlainString(),
                    transaction.currency(), transaction.merchantId(), transaction.merchantCategory(),
                    transaction.country(), transaction.latitude(), transaction.longitude(),
                    transaction.eventTime().toString(),
                    transaction.channel() == null ? "" : transaction.channel().name(), fraud,
                    scenario == null ? "" : scenario, episode);
        }
    }

    /** Writes labelled transactions in this layout, header first. */
    public static final class Writer implements AutoCloseable {

        private final SequenceWriter rows;

        public Writer(java.io.Writer out) throws IOException {
            this.rows = CSV.writer(SCHEMA).writeValues(out);
        }

        public void write(Transaction transaction, boolean fraud, String scenario, long episode) throws IOException {
            rows.write(Row.of(transaction, fraud, scenario, episode));
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}

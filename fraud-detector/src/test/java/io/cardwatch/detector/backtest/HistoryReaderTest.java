package io.cardwatch.detector.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardwatch.detector.backtest.History.UnreadableRow;
import io.cardwatch.events.Channel;
import io.cardwatch.events.LabelledHistory;
import io.cardwatch.events.Transaction;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {

    static final Path SPARKOV = Path.of("src/test/resources/backtest/sparkov-sample.csv");
    static final Path SPARKOV_MAPPING = Path.of("src/test/resources/backtest/sparkov.properties");

    private static final String JENNIFER = "2703186189652095";
    private static final String EDWARD = "38859492057661";
    private static final String STEPHANIE = "630423337322";

    @TempDir
    Path work;

    @Test
    void readsTheDefaultLayoutAsTheSimulatorWritesItInEventTimeOrder() throws IOException {
        Transaction late = transaction("tx-late", "2026-11-22T10:05:00Z", Channel.ECOMMERCE);
        Transaction first = transaction("tx-first", "2026-11-22T10:00:00Z", null);
        Transaction tiedFirstInFile = transaction("tx-tie-a", "2026-11-22T10:01:00Z", Channel.ATM);
        Transaction tiedSecondInFile = transaction("tx-tie-b", "2026-11-22T10:01:00Z", Channel.CARD_PRESENT);
        Path file = work.resolve("simulated.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             var history = new LabelledHistory.Writer(out)) {
            history.write(late, true, "STOLEN_CARD_SPREE", 7);
            history.write(first, false, "LEGITIMATE", 0);
            history.write(tiedFirstInFile, false, "LEGITIMATE", 0);
            history.write(tiedSecondInFile, true, "CARD_TESTING", 8);
        }

        History read = new HistoryReader(ColumnMapping.defaultLayout()).read(file, HistoryFormat.of(file));

        assertThat(read.transactions()).containsExactly(
                new LabelledTransaction(first, false, "LEGITIMATE"),
                new LabelledTransaction(tiedFirstInFile, false, "LEGITIMATE"),
                new LabelledTransaction(tiedSecondInFile, true, "CARD_TESTING"),
                new LabelledTransaction(late, true, "STOLEN_CARD_SPREE"));
        assertThat(read.unreadable()).isEmpty();
    }

    @Test
    void readsJsonLinesAndSkipsTheLinesItCannotRead() throws IOException {
        Path file = work.resolve("history.jsonl");
        Files.writeString(file, """
                {"transactionId":"tx-2","cardId":"card-1","amount":7500.00,"currency":"EUR","merchantId":"m-2","merchantCategory":"5944","country":"DE","latitude":52.52,"longitude":13.405,"eventTime":"2026-11-22T11:00:00Z","channel":"CARD_PRESENT","fraud":true,"scenario":"AMOUNT_SPIKE"}

                not json
                ["an", "array"]
                {"transactionId":"tx-3","amount":"12.50","currency":"EUR","merchantId":"m-1","merchantCategory":"5411","country":"DE","latitude":52.52,"longitude":13.405,"eventTime":"2026-11-22T12:00:00Z","fraud":false}
                {"transactionId":"tx-1","cardId":"card-1","amount":12.50,"currency":"EUR","merchantId":"m-1","merchantCategory":"5411","country":"DE","latitude":52.52,"longitude":13.405,"eventTime":"2026-11-22T10:00:00Z","channel":null,"fraud":false}
                """, StandardCharsets.UTF_8);

        History read = new HistoryReader(ColumnMapping.defaultLayout()).read(file, HistoryFormat.of(file));

        assertThat(read.transactions()).containsExactly(
                new LabelledTransaction(new Transaction("tx-1", "card-1", new BigDecimal("12.50"), "EUR", "m-1", "5411",
                        "DE", 52.52, 13.405, Instant.parse("2026-11-22T10:00:00Z"), null), false, null),
                new LabelledTransaction(new Transaction("tx-2", "card-1", new BigDecimal("7500.00"), "EUR", "m-2",
                        "5944", "DE", 52.52, 13.405, Instant.parse("2026-11-22T11:00:00Z"), Channel.CARD_PRESENT),
                        true, "AMOUNT_SPIKE"));
        assertThat(read.unreadable()).extracting(UnreadableRow::line).containsExactly(3L, 4L, 5L);
        assertThat(read.unreadable().get(1)).isEqualTo(new UnreadableRow(4, "not a JSON object"));
        assertThat(read.unreadable().get(2)).isEqualTo(new UnreadableRow(5, "cardId is missing (column cardId)"));
        assertThat(read.unreadable().get(0).reason()).startsWith("not JSON: Unrecognized token 'not'");
    }

    @Test
    void readsAForeignLayoutThroughItsMappingAndReportsTheBadRowsByLine() throws IOException {
        History read = new HistoryReader(ColumnMapping.read(SPARKOV_MAPPING)).read(SPARKOV, HistoryFormat.CSV);

        assertThat(read.transactions()).containsExactly(
                sparkov("0b242abb623afc578575680df30655b9", JENNIFER, "68.21", "fraud_Kirlin and Sons", "grocery_pos",
                        "2019-01-01T09:12:18Z", 36.011293, -82.048315, Channel.CARD_PRESENT, false),
                sparkov("a1a22d70485983eac12b5b88dad1cf95", EDWARD, "22.14", "fraud_Kutch-Ferry", "health_fitness",
                        "2019-01-01T14:22:09Z", 42.360426, -112.404034, null, false),
                sparkov("1f76529f8574734946361c461b024d99", JENNIFER, "41.07", "fraud_Lind-Buckridge", "gas_transport",
                        "2019-01-01T18:40:02Z", 36.159046, -81.030412, null, false),
                sparkov("6b849c168bdad6f867558c3793159a81", JENNIFER, "73.44", "fraud_Kirlin and Sons", "grocery_pos",
                        "2019-01-02T08:55:31Z", 36.011293, -82.048315, Channel.CARD_PRESENT, false),
                sparkov("a41d7549acf90789359a9aa5346dcb46", EDWARD, "95.47", "fraud_Hahn-Douglas", "grocery_pos",
                        "2019-01-02T11:03:37Z", 42.202014, -112.301206, Channel.CARD_PRESENT, false),
                sparkov("189a841a0a8ba03058526bcfe566aab5", STEPHANIE, "47.80", "fraud_Schumm PLC", "grocery_pos",
                        "2019-01-02T12:01:44Z", 48.838144, -118.224506, Channel.CARD_PRESENT, false),
                sparkov("8be473af4f05fc6146ea55ace73e7ca2", JENNIFER, "32.50", "fraud_Keeling-Crist", "food_dining",
                        "2019-01-02T19:20:45Z", 36.054210, -81.120387, null, false),
                sparkov("71a1da150d1ce510193d7622e08e784e", JENNIFER, "59.90", "fraud_Kirlin and Sons", "grocery_pos",
                        "2019-01-03T10:05:12Z", 36.011293, -82.048315, Channel.CARD_PRESENT, false),
                sparkov("a3806e984cec6ac0096d8184c64ad3a1", EDWARD, "5321.00", "fraud_Medhurst PLC", "travel",
                        "2019-01-03T15:47:52Z", 42.193580, -112.246971, null, false),
                sparkov("2b4c9fcd9c36d16e3da3b3b8e4a0c5c8", STEPHANIE, "25.16", "fraud_Stokes, Christiansen and Sipes",
                        "home", "2019-01-03T17:45:10Z", 48.929380, -118.193862, null, false),
                sparkov("d1ac8b0e5fe0cc4e4f4b4da2e5ec97b0", EDWARD, "88.02", "fraud_Hahn-Douglas", "grocery_pos",
                        "2019-01-04T10:15:00Z", 42.202014, -112.301206, Channel.CARD_PRESENT, false),
                sparkov("c3f3e3a1b9a4e1a5c7a77b1ee5d3b8a2", JENNIFER, "38.15", "fraud_Lind-Buckridge", "gas_transport",
                        "2019-01-04T12:30:00Z", 36.159046, -81.030412, null, false),
                sparkov("e8a81877ae9a0a7f883e15cb39dc4022", JENNIFER, "1489.99", "fraud_Kozey, Kulas and Bradtke",
                        "shopping_net", "2019-01-04T23:10:05Z", 35.985117, -81.383306, Channel.ECOMMERCE, true),
                sparkov("f1bd5e1a0dcd2bbe5c8dbc1e25c9b4f0", JENNIFER, "976.32", "fraud_Heller, Gutmann and Zieme",
                        "shopping_net", "2019-01-04T23:31:40Z", 36.430124, -81.179483, Channel.ECOMMERCE, true),
                sparkov("7c9e1c9a4bd3a1f0e2e8b6d5c4a3b2a1", STEPHANIE, "1.00", "fraud_Bradtke PLC", "misc_net",
                        "2019-01-05T02:14:05Z", 48.632511, -118.501236, Channel.ECOMMERCE, true),
                sparkov("8d0f2d0b5ce4b2a1f3f9c7e6d5b4c3b2", STEPHANIE, "1.47", "fraud_Bradtke PLC", "misc_net",
                        "2019-01-05T02:15:31Z", 48.632511, -118.501236, Channel.ECOMMERCE, true),
                sparkov("9e1a3e1c6df5c3b2a4a0d8f7e6c5d4c3", STEPHANIE, "0.99", "fraud_Bradtke PLC", "misc_net",
                        "2019-01-05T02:16:58Z", 48.632511, -118.501236, Channel.ECOMMERCE, true),
                sparkov("af2b4f2d7e06d4c3b5b1e9a8f7d6e5d4", STEPHANIE, "689.45", "fraud_Gerlach Inc", "shopping_net",
                        "2019-01-05T02:19:20Z", 48.711372, -118.050611, Channel.ECOMMERCE, true),
                sparkov("b03c5a3e8f17e5d4c6c2fab9a8e7f6e5", JENNIFER, "64.03", "fraud_Kirlin and Sons", "grocery_pos",
                        "2019-01-05T09:02:11Z", 36.011293, -82.048315, Channel.CARD_PRESENT, false));
        assertThat(read.unreadable()).containsExactly(
                new UnreadableRow(14, "amount '12,50' is not a positive amount"),
                new UnreadableRow(22, "eventTime '2019-01-32 10:00:00' is not a time in format yyyy-MM-dd HH:mm:ss"));
    }

    @Test
    void refusesAFileWhoseHeaderLacksAMappedColumn() throws IOException {
        Path file = work.resolve("exported.csv");
        Files.writeString(file, "\uFEFFtransactionId,card,amount\ntx-1,card-1,12.50\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new HistoryReader(ColumnMapping.defaultLayout()).read(file, HistoryFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " has no column for cardId (column cardId), country (column country), currency "
                        + "(column currency), eventTime (column eventTime), fraud (column fraud), latitude (column "
                        + "latitude), longitude (column longitude), merchantCategory (column merchantCategory), "
                        + "merchantId (column merchantId); its header is [transactionId, card, amount]");
    }

    @Test
    void tellsTheFormatByTheFileExtension() {
        assertThat(HistoryFormat.of(Path.of("h.CSV"))).isEqualTo(HistoryFormat.CSV);
        assertThat(HistoryFormat.of(Path.of("h.jsonl"))).isEqualTo(HistoryFormat.JSONL);
        assertThat(HistoryFormat.of(Path.of("h.json"))).isEqualTo(HistoryFormat.JSONL);
        assertThatThrownBy(() -> HistoryFormat.of(Path.of("h.txt")))
                .hasMessage("Cannot tell the format of h.txt from its extension (.csv, .jsonl or .json): "
                        + "give --format csv or --format jsonl");
    }

    private static Transaction transaction(String id, String eventTime, Channel channel) {
        return new Transaction(id, "card-1", new BigDecimal("42.00"), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                Instant.parse(eventTime), channel);
    }

    private static LabelledTransaction sparkov(String id, String card, String amount, String merchant, String category,
                                               String eventTime, double latitude, double longitude, Channel channel,
                                               boolean fraud) {
        return new LabelledTransaction(new Transaction(id, card, new BigDecimal(amount), "USD", merchant, category, "US",
                latitude, longitude, Instant.parse(eventTime), channel), fraud, null);
    }
}

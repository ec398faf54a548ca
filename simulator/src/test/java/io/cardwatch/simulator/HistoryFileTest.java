package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    private static final String HEADER = "transactionId,cardId,amount,currency,merchantId,merchantCategory,country,"
            + "latitude,longitude,eventTime,channel,fraud,scenario,episode";

    @TempDir
    Path directory;

    @Test
    void writesEachTransactionWithItsLabelAfterTheHeader() throws Exception {
        // Given a legitimate purchase and a card-testing one
        var legitimate = new LabelledTransaction(new Transaction("sim-1-0", "card-7", new BigDecimal("12.50"), "EUR",
                "m-paris-5411-1", "5411", "FR", 48.8566, 2.3522, Instant.parse("2026-11-22T12:00:00Z"),
                Channel.CARD_PRESENT), Scenario.LEGITIMATE, 0);
        var probe = new LabelledTransaction(new Transaction("sim-1-1", "card-7", new BigDecimal("1.00"), "EUR",
                "m-online-5815-3", "5815", "FR", 48.85, 2.35, Instant.parse("2026-11-22T12:05:00Z"), Channel.ECOMMERCE),
                Scenario.CARD_TESTING, 3);
        StringWriter out = new StringWriter();

        // When both are written
        HistoryFile.Written written = HistoryFile.write(List.of(legitimate, probe).iterator(), 2, out);

        // Then
        assertThat(out.toString().lines()).containsExactly(HEADER,
                "sim-1-0,card-7,12.50,EUR,m-paris-5411-1,5411,FR,48.8566,2.3522,2026-11-22T12:00:00Z,CARD_PRESENT,false,LEGITIMATE,0",
                "sim-1-1,card-7,1.00,EUR,m-online-5815-3,5815,FR,48.85,2.35,2026-11-22T12:05:00Z,ECOMMERCE,true,CARD_TESTING,3");
        assertThat(written).isEqualTo(new HistoryFile.Written(2, 1, 1, Instant.parse("2026-11-22T12:00:00Z"),
                Instant.parse("2026-11-22T12:05:00Z")));
    }

    @Test
    void aSimulatedHistoryFileReadsBackAsTheTrafficItWasWrittenFrom() throws Exception {
        // Given 30 days of traffic of 200 cards, 3000 transactions
        var settings = SimulationSettings.covering(3, 200, 0.01, 3_000, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-31T00:00:00Z"));
        Path file = directory.resolve("history.csv");

        // When it is written to a file
        HistoryFile.Written written = HistoryFile.write(new TrafficModel(settings), 3_000, file);

        // Then the file has the header, then one row a transaction, the first as generated
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3_001);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines.get(1)).isEqualTo("sim-3-0,card-186,24822,JPY,m-tokyo-5999-1,5999,JP,35.6724,139.6411,"
                + "2026-10-01T00:00:00Z,CARD_PRESENT,false,LEGITIMATE,0");
        assertThat(lines).contains("sim-3-3,card-107,103.95,AUD,m-blocked-4,5999,AU,-33.8789,151.2291,"
                + "2026-10-01T00:43:12Z,ECOMMERCE,true,BLOCKLISTED_MERCHANT,1");
        assertThat(written).isEqualTo(new HistoryFile.Written(3_000, 79, 21, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-30T09:50:24Z")));
        // And each row reads back as the transaction and label it was written from
        var traffic = new TrafficModel(settings);
        for (int i = 1; i <= 3_000; i++) {
            assertThat(lines.get(i)).isEqualTo(row(traffic.next()));
        }
        assertThat(lines.stream().skip(1).filter(line -> line.contains(",true,")).count()).isEqualTo(79);
    }

    private static String row(LabelledTransaction labelled) {
        Transaction t = labelled.transaction();
        return String.join(",", t.transactionId(), t.cardId(), t.amount().toPlainString(), t.currency(),
                t.merchantId(), t.merchantCategory(), t.country(), Double.toString(t.latitude()),
                Double.toString(t.longitude()), t.eventTime().toString(), t.channel().name(),
                Boolean.toString(labelled.scenario().isFraud()), labelled.scenario().name(),
                Long.toString(labelled.episode()));
    }
}

package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

    @TempDir
    Path directory;

    @Test
    void withHistoryWritesTheTransactionsToALabelledHistoryFileInsteadOfSendingThem() throws Exception {
        // Given a file for the history of 500 transactions of 50 cards over 2 days from 2026-11-01
        Path file = directory.resolve("history.csv");

        // When the simulator is run with --history (and a target nothing listens on)
        int exitCode = SimulatorMain.run("--history", file.toString(), "--count", "500", "--seed", "3", "--cards", "50",
                "--days", "2", "--start", "2026-11-01T00:00:00Z", "--target", "http://127.0.0.1:1");

        // Then it wrote them, header first, and sent nothing
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(exitCode).isZero();
        assertThat(lines).hasSize(501);
        assertThat(lines.get(0)).isEqualTo("transactionId,cardId,amount,currency,merchantId,merchantCategory,country,"
                + "latitude,longitude,eventTime,channel,fraud,scenario,episode");
        assertThat(lines.get(1)).isEqualTo("sim-3-0,card-19,240.81,MXN,m-mexico-city-5541-2,5541,MX,19.4266,-99.157,"
                + "2026-11-01T00:00:00Z,CARD_PRESENT,false,LEGITIMATE,0");
        assertThat(lines.get(500)).isEqualTo("sim-3-499,card-29,41.63,USD,m-chicago-5812-1,5812,US,41.8668,-87.6169,"
                + "2026-11-02T22:39:21.600Z,CARD_PRESENT,false,LEGITIMATE,0");
        assertThat(lines).filteredOn(line -> line.contains(",true,")).hasSize(18);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(SimulatorMain.run("--no-such-option", "1")).isEqualTo(2);
    }
}

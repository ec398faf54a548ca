package io.cardwatch.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the detection report of a simulation run: {@code --labels FILE} (written by the simulator) and
 * {@code --jdbc URL --user U --password P} of the Cardwatch database. See docs/simulator.md.
 */
@Command(name = "detection-report", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Prints how well the stored decisions match the labels of a simulation run.")
public final class DetectionReportMain implements Callable<Integer> {

    @Option(names = "--labels", defaultValue = "simulation-labels.csv", description = "The labels the simulator wrote.")
    private Path labels;

    @Option(names = "--jdbc", defaultValue = "jdbc:postgresql://127.0.0.1:5433/cardwatch",
            description = "The Cardwatch database.")
    private String jdbc;

    @Option(names = "--user", defaultValue = "postgres")
    private String user;

    @Option(names = "--password", defaultValue = "")
    private String password;

    private DetectionReportMain() {
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new DetectionReportMain()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
            System.out.print(report(labels, connection));
        }
        return 0;
    }

    /** The report of the simulated transactions labelled in {@code labelsFile}, from the decisions stored. */
    public static DetectionReport report(Path labelsFile, Connection connection) throws IOException, SQLException {
        Map<String, DetectionReport.Label> labels = SimulationLabels.read(labelsFile);
        Set<String> decided = new HashSet<>();
        Set<String> flagged = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT transaction_id, outcome FROM decisions WHERE transaction_id LIKE 'sim-%'")) {
            while (rows.next()) {
                decided.add(rows.getString(1));
                if (!"APPROVE".equals(rows.getString(2))) {
                    flagged.add(rows.getString(1));
                }
            }
        }
        return DetectionReport.of(labels, flagged, decided);
    }
}

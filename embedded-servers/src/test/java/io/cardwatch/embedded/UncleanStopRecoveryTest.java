package io.cardwatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** A run killed with kill -9 leaves its servers running or its files half written; the next run still starts. */
class UncleanStopRecoveryTest {

    private static final Path WORK = Path.of("target", "unclean-stop-test").toAbsolutePath();
    private static final Path BINARIES = Path.of("target", "postgres-binaries");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void postgresStartsOnTheDataOfAKilledRunWhoseServerStillRuns() throws Exception {
        // given a run that started PostgreSQL, wrote a row and was killed, leaving its server running
        Path dataDir = freshDirectory("pg-orphan");
        int port = FreePorts.pick();
        Process owner = postgresRunThatWroteACard(dataDir, port);
        owner.destroyForcibly().waitFor();
        ProcessHandle leftover = postmaster(dataDir);
        assertThat(leftover.isAlive()).isTrue();

        // when the next run starts on the same directory and port
        try (PostgresServer postgres = PostgresServer.start(BINARIES, dataDir, port)) {

            // then it has stopped the leftover server and serves the data
            assertThat(leftover.isAlive()).isFalse();
            assertThat(postmaster(dataDir).pid()).isNotEqualTo(leftover.pid());
            assertThat(cards(postgres)).containsExactly("card-1");
        }
    }

    @Test
    void postgresRecoversTheDataOfARunKilledWithItsServer() throws Exception {
        // given a run killed together with every process of its server, as a power cut would: postmaster.pid remains
        Path dataDir = freshDirectory("pg-crash");
        int port = FreePorts.pick();
        Process owner = postgresRunThatWroteACard(dataDir, port);
        ProcessHandle server = postmaster(dataDir);
        List<ProcessHandle> processes = new ArrayList<>(server.descendants().toList());
        processes.add(server);
        processes.add(owner.toHandle());
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
        assertThat(dataDir.resolve("postmaster.pid")).exists();

        // when
        try (PostgresServer postgres = PostgresServer.start(BINARIES, dataDir, port)) {

            // then crash recovery has kept the committed row
            assertThat(cards(postgres)).containsExactly("card-1");
        }
    }

    @Test
    void postgresNamesTheDamagedDataDirectoryAndWhatToDo() throws Exception {
        // given a data directory that lost a file the server cannot start without
        Path dataDir = freshDirectory("pg-damaged");
        PostgresServer.start(BINARIES, dataDir, FreePorts.pick()).close();
        Files.delete(dataDir.resolve("global/pg_filenode.map"));

        // when / then
        assertThatThrownBy(() -> PostgresServer.start(BINARIES, dataDir, FreePorts.pick()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PostgreSQL's data directory " + dataDir + " is damaged: global/pg_filenode.map is missing"
                        + " (was an earlier run killed while it created the directory, or were files deleted from it?)."
                        + " Delete the directory to start with an empty database, or restore it from a backup.");
    }

    @Test
    void postgresNamesThePortAnotherProgramHolds() throws Exception {
        // given another program listening on the port
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = other.getLocalPort();

            // when / then
            assertThatThrownBy(() -> PostgresServer.start(BINARIES, freshDirectory("pg-port"), port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Port " + port + ", where PostgreSQL is to listen, is in use by another program.");
        }
    }

    @Test
    void brokerStartsOnTheDataOfAKilledRunWhoseBrokerStillRuns() throws Exception {
        // given a run that started a broker, created the topics and was killed, leaving its broker running
        Path dataDir = freshDirectory("kafka-orphan");
        int port = FreePorts.pick();
        Process owner = startOwner(dataDir, "kafka", dataDir.toString(), Integer.toString(port));
        awaitReady(owner, dataDir);
        owner.destroyForcibly().waitFor();
        ProcessHandle leftover = ProcessHandle.of(Long.parseLong(
                Files.readString(dataDir.resolve("broker.pid")).split(" ")[0])).orElseThrow();

        // when the next run starts on the same directory and port
        try (KafkaBroker broker = KafkaBroker.start(dataDir, port)) {

            // then the leftover broker is gone and the topics are kept
            assertThat(leftover.isAlive()).isFalse();
            assertThat(broker.port()).isEqualTo(port);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).containsAll(Set.of("transactions", "decisions"));
            }
        }
    }

    static void execute(PostgresServer postgres, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("cardwatch"), postgres.user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> cards(PostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("cardwatch"), postgres.user(), "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM card")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /** A run of {@link LeftoverOwner} that started PostgreSQL on {@code dataDir} and committed one card. */
    private static Process postgresRunThatWroteACard(Path dataDir, int port) {
        Process owner = startOwner(dataDir, "postgres", BINARIES.toAbsolutePath().toString(), dataDir.toString(),
                Integer.toString(port));
        awaitReady(owner, dataDir);
        return owner;
    }

    /** A directory no earlier test of this run used, since each test starts from data of its own. */
    private static Path freshDirectory(String name) {
        return WORK.resolve(name + "-" + UUID.randomUUID());
    }

    private static Process startOwner(Path dataDir, String... args) {
        return ChildJvm.start("leftover-owner", List.of("-Xmx256m"), LeftoverOwner.class.getName(), List.of(args),
                ownerLog(dataDir));
    }

    private static void awaitReady(Process owner, Path dataDir) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(owner.isAlive()).as("owner alive; its log:%n%s", ChildJvm.tail(ownerLog(dataDir))).isTrue();
            return Files.exists(ownerLog(dataDir)) && Files.readAllLines(ownerLog(dataDir)).contains("ready");
        });
    }

    private static Path ownerLog(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-owner.log");
    }

    private static ProcessHandle postmaster(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow();
    }
}

package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardwatch.embedded.ChildJvm;
import io.cardwatch.embedded.FreePorts;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the local stack does before it starts anything: leftovers of a killed run, ports, one stack per directory. */
class LocalStackStartTest {

    private static final Path HOME = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();

    @Test
    void stopsTheServiceAKilledRunLeftAndNamesThePortAnotherProgramHolds() throws Exception {
        // given a service JVM that a killed run left running, recorded in its PID file, and a port held by another program
        Path dataDir = Path.of("target", "start-" + System.nanoTime()).toAbsolutePath();
        Process leftover = ChildJvm.start("ingest-gateway", System.getProperty("java.class.path"), List.of(),
                IdleMain.class.getName(), List.of(), dataDir.resolve("leftover.log"));
        Files.createDirectories(dataDir.resolve("logs"));
        Files.writeString(dataDir.resolve("logs/ingest-gateway.pid"), leftover.pid() + " "
                + leftover.toHandle().info().startInstant().map(Instant::toString).orElseThrow() + "\n");
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("127.0.0.1", 0));
            LocalStackOptions options = options(dataDir, other.getLocalPort());

            // when / then
            assertThatThrownBy(() -> LocalStack.startEmbedded(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Port " + other.getLocalPort() + ", where the ingest gateway is to listen, is in use by"
                            + " another program: stop that program, or choose another port with"
                            + " -Dcardwatch.gateway-port=<port>.");
            assertThat(leftover.isAlive()).isFalse();
            assertThat(dataDir.resolve("logs/ingest-gateway.pid")).doesNotExist();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void refusesASecondStackOnTheSameDataDirectory() {
        // given a stack holding the data directory
        Path dataDir = Path.of("target", "locked-" + System.nanoTime()).toAbsolutePath();
        try (StackLock first = StackLock.acquire(dataDir)) {

            // when / then
            assertThatThrownBy(() -> LocalStack.startEmbedded(options(dataDir, FreePorts.pick())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Another Cardwatch local stack is running on " + dataDir + ": stop it first (Ctrl-C"
                            + " where it runs), or give this one another -Dcardwatch.data-dir.");
        }
    }

    private static LocalStackOptions options(Path dataDir, int gatewayPort) {
        return new LocalStackOptions(HOME, dataDir, false, gatewayPort, FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), 1);
    }

    /** Stands in for a service JVM: runs until it is stopped. */
    static final class IdleMain {

        public static void main(String[] args) throws InterruptedException {
            Thread.currentThread().join();
        }
    }
}

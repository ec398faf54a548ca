package io.cardwatch.embedded;

import io.cardwatch.events.TopicProvisioning;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A run that starts a server and is then killed, for {@link UncleanStopRecoveryTest}: arguments {@code postgres
 * <binaries> <data-dir> <port>} or {@code kafka <data-dir> <port>}. It prints {@code ready} once the server holds
 * the test's data.
 */
final class LeftoverOwner {

    private LeftoverOwner() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("postgres")) {
            PostgresServer postgres = PostgresServer.start(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            postgres.createDatabaseIfMissing("cardwatch");
            // The embedded server commits asynchronously by default: this row is to be on disk when the run dies.
            UncleanStopRecoveryTest.execute(postgres, "SET synchronous_commit TO on;"
                    + " CREATE TABLE card (id text PRIMARY KEY); INSERT INTO card VALUES ('card-1')");
        } else {
            KafkaBroker broker = KafkaBroker.start(Path.of(args[1]), Integer.parseInt(args[2]));
            TopicProvisioning.of(1, (short) 1).apply(broker.bootstrapServers());
        }
        System.out.println("ready");
        new CountDownLatch(1).await();
    }
}

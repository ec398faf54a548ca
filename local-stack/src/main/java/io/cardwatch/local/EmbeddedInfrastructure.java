package io.cardwatch.local;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.PostgresServer;
import io.cardwatch.events.TopicProvisioning;
import java.nio.file.Path;

/** A real KRaft broker and a real PostgreSQL on loopback, keeping their data under one directory. */
public final class EmbeddedInfrastructure implements Infrastructure {

    static final String DATABASE = "cardwatch";

    private final PostgresServer postgres;
    private final KafkaBroker broker;

    private EmbeddedInfrastructure(PostgresServer postgres, KafkaBroker broker) {
        this.postgres = postgres;
        this.broker = broker;
    }

    public static EmbeddedInfrastructure start(Path dataDir, Path postgresBinaries, int kafkaPort, int postgresPort,
                                               int partitions) {
        PostgresServer postgres = PostgresServer.start(postgresBinaries, dataDir.resolve("postgres"), postgresPort);
        try {
            postgres.createDatabaseIfMissing(DATABASE);
            KafkaBroker broker = KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
            TopicProvisioning.of(partitions, (short) 1).apply(broker.bootstrapServers());
            return new EmbeddedInfrastructure(postgres, broker);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** Stops the servers a killed earlier run left running on {@code dataDir}, before their files are touched. */
    static void stopLeftovers(Path dataDir) {
        KafkaBroker.stopLeftover(dataDir.resolve("kafka"));
        PostgresServer.stopLeftover(dataDir.resolve("postgres"));
    }

    public KafkaBroker broker() {
        return broker;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    @Override
    public String databaseUser() {
        return postgres.user();
    }

    @Override
    public String databasePassword() {
        return "";
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            postgres.close();
        }
    }
}

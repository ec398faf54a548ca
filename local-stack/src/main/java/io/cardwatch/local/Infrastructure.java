package io.cardwatch.local;

/** The Kafka cluster and PostgreSQL database the services run against. */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** A plain PostgreSQL JDBC URL of the Cardwatch database. */
    String jdbcUrl();

    String databaseUser();

    String databasePassword();

    @Override
    void close();
}

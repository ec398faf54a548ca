package io.cardwatch.local;

import io.cardwatch.events.TopicProvisioning;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same scenarios against Kafka and PostgreSQL containers. Runs with {@code -Ptestcontainers} on hosts
 * with a Docker engine, and is reported as skipped where there is none.
 */
@Tag("containers")
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends EndToEndScenarios {

    @Override
    LocalStack startStack(LocalStackOptions options, Map<String, String> serviceProperties) {
        return LocalStack.start(options, ContainerInfrastructure.start(), serviceProperties);
    }

    /** A Kafka and a PostgreSQL container, with the Cardwatch topics and database. */
    private record ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer<?> postgres)
            implements Infrastructure {

        static ContainerInfrastructure start() {
            var kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
            var postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
                    .withDatabaseName("cardwatch");
            kafka.start();
            postgres.start();
            TopicProvisioning.of(3, (short) 1).apply(kafka.getBootstrapServers());
            return new ContainerInfrastructure(kafka, postgres);
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String jdbcUrl() {
            return postgres.getJdbcUrl();
        }

        @Override
        public String databaseUser() {
            return postgres.getUsername();
        }

        @Override
        public String databasePassword() {
            return postgres.getPassword();
        }

        @Override
        public void close() {
            kafka.stop();
            postgres.stop();
        }
    }
}

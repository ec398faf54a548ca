package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell loop that provisions the topics, as docker-compose.yml and docs/deploy-eks.md write it: {@code for topic
 * in ...; do}, a {@code case} that sets {@code config} to the comma-separated {@code key=value} configs of some
 * topics, then {@code kafka-topics.sh --create --if-not-exists} and {@code kafka-configs.sh --add-config "$config"}.
 */
final class TopicScript {

    private static final Pattern LOOP = Pattern.compile("for topic in ([^;]+); do");
    private static final Pattern CASE = Pattern.compile("config=\"\"[ ;]*case \"?\\$topic\"? in (.*?) esac");
    private static final Pattern CLAUSE = Pattern.compile("([a-z0-9.|-]+)\\) config=\"([^\"]*)\";;");
    private static final Pattern CREATE = Pattern.compile(
            "kafka-topics\\.sh .*--create --if-not-exists --topic \"?\\$topic\"? ");
    private static final Pattern SET_CONFIGS = Pattern.compile("if \\[ -n \"\\$config\" ]; then \\S*kafka-configs\\.sh "
            + "[^;]*--alter --entity-type topics --entity-name \"?\\$topic\"? --add-config \"\\$config\"");

    private final String shell;

    /** The script as the shell runs it: compose's {@code $$} unescaped, continuation lines and indents joined. */
    TopicScript(String script) {
        this.shell = script.replace("$$", "$").replaceAll("\\\\\n", " ").replaceAll("\\s+", " ").trim();
    }

    /** Each topic of the event contract, in its order, with its configs. */
    static Map<String, Map<String, String>> ofEventContract() {
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.all()) {
            topics.put(topic.name(), topic.configs());
        }
        return topics;
    }

    /** Each topic the loop creates, in its order, with the configs it sets on it; fails on a shape it cannot read. */
    Map<String, Map<String, String>> configsByTopic() {
        Matcher loop = LOOP.matcher(shell);
        assertThat(loop.find()).as("a 'for topic in ...; do' loop in: " + shell).isTrue();
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        for (String name : loop.group(1).trim().split(" ")) {
            topics.put(name, Map.of());
        }
        Matcher cases = CASE.matcher(shell);
        assertThat(cases.find()).as("a 'case $topic in ... esac' setting config in: " + shell).isTrue();
        Matcher clause = CLAUSE.matcher(cases.group(1));
        StringBuilder unread = new StringBuilder();
        while (clause.find()) {
            clause.appendReplacement(unread, "");
            for (String name : clause.group(1).split("\\|")) {
                assertThat(topics).as("topics of the loop").containsKey(name);
                topics.put(name, configs(clause.group(2)));
            }
        }
        clause.appendTail(unread);
        assertThat(unread.toString().trim()).as("case clauses other than 'names) config=\"k=v,...\";;'").isEmpty();
        assertThat(shell).containsPattern(CREATE).containsPattern(SET_CONFIGS);
        return topics;
    }

    private static Map<String, String> configs(String list) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (String config : list.split(",")) {
            List<String> keyAndValue = Arrays.asList(config.split("=", 2));
            assertThat(keyAndValue).as("key=value: " + config).hasSize(2);
            configs.put(keyAndValue.get(0), keyAndValue.get(1));
        }
        return configs;
    }
}

package io.cardwatch.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.Yaml;

/** A service's module as the deployment files must see it: its Jib image, ports and configuration keys. */
record ServiceModule(String name) {

    static final ServiceModule GATEWAY = new ServiceModule("ingest-gateway");
    static final ServiceModule DETECTOR = new ServiceModule("fraud-detector");
    static final ServiceModule CONSOLE = new ServiceModule("review-console");

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** Variables the OpenTelemetry SDK and the JVM read, and the files Micronaut's environment loads: no keys. */
    private static final Set<String> NON_MICRONAUT_PREFIXES = Set.of("OTEL_", "JAVA_TOOL_OPTIONS",
            "MICRONAUT_CONFIG_FILES");

    /** The image `jib:build` pushes, with the root pom's properties resolved. */
    String jibImage() {
        return resolve(text(pom(Repository.ROOT.resolve(name).resolve("pom.xml")),
                "//plugin[artifactId='jib-maven-plugin']/configuration/to/image"));
    }

    String jibPort() {
        return text(pom(Repository.ROOT.resolve(name).resolve("pom.xml")),
                "//plugin[artifactId='jib-maven-plugin']/configuration/container/ports/port");
    }

    /** Every leaf key of the service's application.yml, dotted ("kafka.streams.default.state.dir"). */
    Map<String, Object> configuration() {
        Map<String, Object> tree = new Yaml().load(Repository.read(
                Repository.ROOT.resolve(name).resolve("src/main/resources/application.yml")));
        Map<String, Object> keys = new LinkedHashMap<>();
        flatten("", tree, keys);
        return keys;
    }

    /**
     * Every key the service reads: those of its application.yml, and those of its configuration classes as the
     * compiler's configuration metadata lists them, with {@code *} for a name the operator chooses
     * ({@code cardwatch.auth.producers.*.api-key-sha256}).
     */
    Set<String> keys() {
        Path metadata = Repository.ROOT.resolve(name).resolve("target/classes/META-INF/spring-configuration-metadata.json");
        Stream<String> declared = Stream.empty();
        if (Files.exists(metadata)) {
            JsonNode properties = readJson(metadata).path("properties");
            declared = StreamSupport.stream(properties.spliterator(), false).map(property -> property.get("name").asText());
        }
        return Stream.concat(configuration().keySet().stream(), declared).collect(Collectors.toSet());
    }

    /** Whether Micronaut maps the environment variable to one of the service's {@link #keys()}. */
    boolean readsVariable(String variable) {
        String normalized = normalized(variable);
        return keys().stream().anyMatch(key -> asPattern(key).matcher(normalized).matches());
    }

    /** Whether the variable is meant for Micronaut, rather than for the JVM or the OpenTelemetry SDK. */
    static boolean isMicronautVariable(String variable) {
        return NON_MICRONAUT_PREFIXES.stream().noneMatch(variable::startsWith);
    }

    /** Micronaut's mapping: case, dots, dashes and underscores do not matter. */
    private static String normalized(String keyOrVariable) {
        return keyOrVariable.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Pattern asPattern(String key) {
        return Pattern.compile(Arrays.stream(key.split("\\*", -1))
                .map(part -> Pattern.quote(normalized(part)))
                .collect(Collectors.joining("[a-z0-9]+")));
    }

    private static JsonNode readJson(Path file) {
        try {
            return JsonMapper.builder().build().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The OpenAPI spec the service's build generated from its controllers. */
    Path openApiSpec() {
        Path specs = Repository.ROOT.resolve(name).resolve("target/classes/META-INF/swagger");
        try (Stream<Path> files = Files.list(specs)) {
            List<Path> found = files.filter(file -> file.toString().endsWith(".yml")).toList();
            if (found.size() != 1) {
                throw new AssertionError("not one OpenAPI spec in " + specs + ": " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + specs, e);
        }
    }

    /** The jars the service runs with, as its build wrote them: what Jib puts into the image. */
    List<String> runtimeJars() {
        return List.of(Repository.read(Repository.ROOT.resolve(name).resolve("target/runtime-classpath.txt")).trim()
                        .split(File.pathSeparator)).stream()
                .map(path -> Path.of(path).getFileName().toString())
                .toList();
    }

    static String rootProperty(String property) {
        return text(pom(Repository.ROOT.resolve("pom.xml")), "/project/properties/" + property);
    }

    static String projectVersion() {
        return text(pom(Repository.ROOT.resolve("pom.xml")), "/project/version");
    }

    private static String resolve(String value) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String property = matcher.group(1);
            String replacement = property.equals("project.version") ? projectVersion() : rootProperty(property);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(resolved).toString();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> keys) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                flatten(path, (Map<String, Object>) child, keys);
            } else {
                keys.put(path, value);
            }
        });
    }

    private static Document pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String text(Document pom, String xpath) {
        try {
            String text = (String) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.STRING);
            if (text.isBlank()) {
                throw new AssertionError("nothing at " + xpath);
            }
            return text.trim();
        } catch (XPathExpressionException e) {
            throw new IllegalStateException(e);
        }
    }
}

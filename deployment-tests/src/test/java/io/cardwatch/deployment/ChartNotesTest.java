package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The commands NOTES.txt prints after an install, run as printed. */
class ChartNotesTest {

    private static final String INDENT = "     ";

    @Test
    void readsTheKeyFromThePromptWithoutArguments() {
        // given
        String readKey = commandsOf(ChartRendering.notes(null, Map.of()), "it is not echoed):", "Then:").get(0);

        // when a producer's key is pasted at the prompt
        String output = bash(readKey + "\necho \"[$CARDWATCH_API_KEY]\"", Map.of(), "9f2c-pasted-key\n");

        // then
        assertThat(output).isEqualTo("API key of producer default: \n[9f2c-pasted-key]\n");
    }

    @Test
    void withoutAnIngressPortForwardsToTheGatewaysService() {
        List<String> commands = commandsOf(ChartRendering.notes(null, Map.of()), "Then:", "A 202");

        assertThat(commands.subList(0, 2)).containsExactly(
                "kubectl -n fraud port-forward service/rel-cardwatch-gateway 8080:80 &",
                "export CARDWATCH_URL=http://localhost:8080");
    }

    @Test
    void withTheProductionIngressCallsItsHost() {
        List<String> commands = commandsOf(ChartRendering.notes(Repository.PRODUCTION_VALUES, Map.of()), "Then:",
                "A 202");

        assertThat(commands.get(0)).isEqualTo("export CARDWATCH_URL=https://cardwatch.example.com");
    }

    @Test
    void curlsPostATransactionAndABatchWithTheKeyAsTheGatewayExpectsThem() throws IOException {
        // given the printed curls, and a server in the gateway's place that records what it is sent
        List<String> curls = commandsOf(ChartRendering.notes(null, Map.of()), "Then:", "A 202").stream()
                .filter(command -> command.startsWith("curl "))
                .toList();
        List<Request> received = new ArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        gateway.start();

        // when
        try {
            bash(String.join("\n", curls), Map.of("CARDWATCH_API_KEY", "9f2c-pasted-key",
                    "CARDWATCH_URL", "http://127.0.0.1:" + gateway.getAddress().getPort()), "");
        } finally {
            gateway.stop(0);
        }

        // then
        assertThat(received).extracting(Request::method, Request::path, Request::authorization, Request::contentType)
                .containsExactly(
                        tuple("POST", "/v1/transactions", "Bearer 9f2c-pasted-key",
                                "application/json"),
                        tuple("POST", "/v1/transactions:batch", "Bearer 9f2c-pasted-key",
                                "application/json"));
        assertThat(gatewayPaths()).contains("/v1/transactions", "/v1/transactions:batch");
        assertThat(members(json(received.get(0).body()))).isEqualTo(schemaProperties("TransactionRequest"));
        JsonNode batch = json(received.get(1).body());
        assertThat(members(batch)).isEqualTo(schemaProperties("BatchRequest"));
        assertThat(batch.get("transactions")).singleElement()
                .satisfies(event -> assertThat(members(event)).isEqualTo(schemaProperties("TransactionRequest")));
    }

    private record Request(String method, String path, String authorization, String contentType, String body) {
    }

    /** The indented command lines between two lines of the notes, continuation lines joined. */
    private static List<String> commandsOf(String notes, String after, String before) {
        int start = notes.indexOf(after);
        String section = notes.substring(start, notes.indexOf(before, start));
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String line : section.lines().filter(line -> line.startsWith(INDENT)).toList()) {
            command.append(line.substring(INDENT.length()).strip());
            if (command.toString().endsWith("\\")) {
                command.append('\n');
            } else {
                commands.add(command.toString());
                command.setLength(0);
            }
        }
        return commands;
    }

    private static String bash(String script, Map<String, String> environment, String input) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("exit status of: " + script).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JsonMapper.builder().build().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> members(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> gatewayPaths() {
        return openApi("paths").keySet();
    }

    /** Every member of one request schema of the gateway's generated spec, optional ones included. */
    @SuppressWarnings("unchecked")
    private static Set<String> schemaProperties(String schema) {
        Map<String, Object> components = openApi("components");
        Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get(schema);
        return ((Map<String, Object>) definition.get("properties")).keySet().stream()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> openApi(String member) {
        Map<String, Object> spec = new Yaml().load(Repository.read(ServiceModule.GATEWAY.openApiSpec()));
        return (Map<String, Object>) spec.get(member);
    }
}

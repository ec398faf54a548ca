package io.cardwatch.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which configured producers the gateway accepts, and the key minting docs/api.md tells operators to run. */
class ProducersTest {

    private static final Path API_DOC = Path.of(System.getProperty("cardwatch.home", ".."), "docs", "api.md");
    private static final String LOCAL_KEY_SHA256 = "ed5a18fb8f807f996d649e379d3f35f39c543a91bdbf88c492f2ebd10d4df86c";

    @Test
    void theDocumentedHashOfAKeyIsTheOneTheGatewayVerifies() throws IOException, InterruptedException {
        // given the hashing line of docs/api.md, run on a known key
        List<String> mint = documentedMintingCommands();

        // when
        String hash = bash(mint.get(mint.size() - 1), Map.of("CARDWATCH_API_KEY", "local-dev-key"));

        // then
        assertThat(hash).isEqualTo(LOCAL_KEY_SHA256);
        assertThat(producers(credential("local", hash, null)).identify("local-dev-key"))
                .hasValueSatisfying(producer -> assertThat(producer.getName()).isEqualTo("local"));
    }

    @Test
    void aKeyMintedAsDocumentedIsAcceptedByItsHash() throws IOException, InterruptedException {
        // given
        String script = String.join("\n", documentedMintingCommands()) + "\necho \"$CARDWATCH_API_KEY\"";

        // when
        List<String> printed = bash(script, Map.of()).lines().toList();

        // then the hash, then the key: 32 random bytes in hex, safe in a header as it is
        assertThat(printed).hasSize(2);
        String hash = printed.get(0);
        String key = printed.get(1);
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(producers(credential("acquirer", hash, null)).identify(key))
                .hasValueSatisfying(producer -> assertThat(producer.getName()).isEqualTo("acquirer"));
        assertThat(producers(credential("acquirer", hash, null)).identify(key + "x")).isEmpty();
    }

    @Test
    void knowsAProducerByItsCurrentAndByItsNextKey() {
        Producers producers = producers(credential("acquirer", Producers.sha256("old"), Producers.sha256("new")));

        assertThat(producers.identify("old")).map(ProducerCredential::getName).hasValue("acquirer");
        assertThat(producers.identify("new")).map(ProducerCredential::getName).hasValue("acquirer");
        assertThat(producers.identify("older")).isEmpty();
    }

    @Test
    void takesAHashInUpperCaseOrEndingInANewline() {
        Producers producers = producers(credential("acquirer", LOCAL_KEY_SHA256.toUpperCase() + "\n", null));

        assertThat(producers.identify("local-dev-key")).map(ProducerCredential::getName).hasValue("acquirer");
    }

    @Test
    void refusesAProducerWithoutAKey() {
        assertThatThrownBy(() -> producers(credential("acquirer", null, Producers.sha256("new"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Producer acquirer has no API key: set cardwatch.auth.producers.acquirer.api-key-sha256");
    }

    @Test
    void refusesWhatIsNotAHashWithoutEchoingIt() {
        assertThatThrownBy(() -> producers(credential("acquirer", LOCAL_KEY_SHA256 + "  -", null)))
                .hasMessage("cardwatch.auth.producers.acquirer.api-key-sha256 is not a SHA-256 in hex"
                        + " (64 characters 0-9 a-f, e.g. the first field of sha256sum's output)");
        assertThatThrownBy(() -> producers(credential("acquirer", LOCAL_KEY_SHA256, "local-dev-key")))
                .hasMessage("cardwatch.auth.producers.acquirer.next-api-key-sha256 is not a SHA-256 in hex"
                        + " (64 characters 0-9 a-f, e.g. the first field of sha256sum's output)");
    }

    @Test
    void refusesTwoProducersSharingAKey() {
        assertThatThrownBy(() -> producers(credential("acquirer", Producers.sha256("old"), Producers.sha256("new")),
                credential("issuer", Producers.sha256("new"), null)))
                .hasMessage("Producers acquirer and issuer have the same API key: each producer needs its own,"
                        + " or its events carry the wrong name");
    }

    @Test
    void refusesAReadsForOnAKeyThatWritesOrNamingNoProducerThatWrites() {
        ProducerCredential acquirer = credential("acquirer", Producers.sha256("acquirer-key"), null);
        ProducerCredential writingAudit = credential("audit", Producers.sha256("audit-key"), null);
        writingAudit.setReadsFor("acquirer");
        ProducerCredential strayAudit = credential("audit", Producers.sha256("audit-key"), null);
        strayAudit.setWrite(false);
        strayAudit.setReadsFor("issuer");

        assertThatThrownBy(() -> producers(acquirer, writingAudit))
                .hasMessage("cardwatch.auth.producers.audit.reads-for is only for a lookup-only key"
                        + " (cardwatch.auth.producers.audit.write: false)");
        assertThatThrownBy(() -> producers(acquirer, strayAudit))
                .hasMessage("cardwatch.auth.producers.audit.reads-for names issuer, which is not a configured"
                        + " producer that posts transactions");
    }

    @Test
    void aLookupOnlyKeyReadsTheDecisionsOfTheProducerItReadsFor() {
        ProducerCredential audit = credential("audit", Producers.sha256("audit-key"), null);
        audit.setWrite(false);
        audit.setReadsFor("acquirer");
        Producers producers = producers(credential("acquirer", Producers.sha256("acquirer-key"), null), audit);

        assertThat(producers.identify("audit-key")).map(ProducerCredential::decisionsOf).hasValue("acquirer");
        assertThat(producers.identify("acquirer-key")).map(ProducerCredential::decisionsOf).hasValue("acquirer");
    }

    @Test
    void refusesToAuthenticateWithNoProducerAtAllUnlessAuthenticationIsOff() {
        assertThatThrownBy(() -> new Producers(true, List.of()))
                .hasMessage("No producer is configured (cardwatch.auth.producers.<name>.api-key-sha256):"
                        + " every call would be refused");
        assertThat(new Producers(false, List.of()).identify("local-dev-key")).isEmpty();
    }

    @Test
    void gatewayDoesNotStartWithAProducerWithoutAKey() {
        // given a producer whose key hash the operator forgot, e.g. a Secret without its entry
        Map<String, Object> properties = Map.of("cardwatch.auth.producers.acquirer.write", "false");

        // when / then
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining(
                        "Producer acquirer has no API key: set cardwatch.auth.producers.acquirer.api-key-sha256");
    }

    /** The lines of the bash block that follows "To mint a key" in docs/api.md. */
    private static List<String> documentedMintingCommands() throws IOException {
        String doc = Files.readString(API_DOC);
        int start = doc.indexOf("```bash\n", doc.indexOf("To mint a key")) + "```bash\n".length();
        return doc.substring(start, doc.indexOf("```", start)).lines().toList();
    }

    private static String bash(String script, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit status of: " + script).isZero();
        return output.strip();
    }

    private static Producers producers(ProducerCredential... credentials) {
        return new Producers(true, List.of(credentials));
    }

    private static ProducerCredential credential(String name, String apiKeySha256, String nextApiKeySha256) {
        ProducerCredential credential = new ProducerCredential(name);
        credential.setApiKeySha256(apiKeySha256);
        credential.setNextApiKeySha256(nextApiKeySha256);
        return credential;
    }
}

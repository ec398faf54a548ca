package io.cardwatch.review;

import io.cardwatch.embedded.FreePorts;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class's own console on the shared test servers ({@link ConsoleTestServers}): the port it listens on, and
 * the console's token generator, which signs API calls as any user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConsoleTest implements TestPropertyProvider {

    protected final int port = FreePorts.pick();

    @Inject
    protected TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        return ConsoleTestServers.get().properties(port, overrides());
    }

    /** This class's settings beyond the shared ones. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    /** Settings for a console whose detector is the test's stub on this console's own port, sent {@code token}. */
    protected Map<String, String> stubDetector(String token) {
        return Map.of("cardwatch.test.stub-detector", "true",
                "cardwatch.review.detector-url", "http://127.0.0.1:" + port,
                "cardwatch.review.detector-token", token);
    }
}

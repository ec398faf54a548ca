package io.cardwatch.detector;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose {@code @MicronautTest} context is the detector on servers of its own
 * ({@link DetectorTestServers}), stopped after its context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DetectorContextTest implements TestPropertyProvider {

    protected DetectorTestServers servers;

    @Inject
    protected ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        servers = DetectorTestServers.start(getClass().getSimpleName());
        return servers.properties(overrides());
    }

    /** This class's settings beyond those that point the detector at its servers. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    @AfterAll
    protected void stopServers() {
        context.close();
        servers.close();
    }
}

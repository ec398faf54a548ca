package io.cardwatch.local;

import static org.awaitility.Awaitility.await;

import io.cardwatch.embedded.ChildJvm;
import io.cardwatch.embedded.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One Cardwatch service in its own JVM, on the classpath its module's build wrote, so that two services
 * never share a bean context, as in production.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Path moduleDir;
    private final String mainClass;
    private final Map<String, String> properties;
    private final int port;
    private final Path log;
    private final ChildProcess process;

    ServiceProcess(String name, Path moduleDir, String mainClass, int port, Map<String, String> properties,
                   Path log) {
        this.name = name;
        this.moduleDir = moduleDir;
        this.mainClass = mainClass;
        this.port = port;
        this.properties = Map.copyOf(properties);
        this.log = log;
        this.process = new ChildProcess(pidFile(log.getParent(), name));
    }

    /** Where the PID of the running service is kept, beside its log, for a run that follows a killed one. */
    static Path pidFile(Path logs, String name) {
        return logs.resolve(name + ".pid");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The operating-system process ID of the running service. */
    public long pid() {
        return process.pid();
    }

    public synchronized void start() {
        List<String> jvmOptions = new ArrayList<>(List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC"));
        jvmOptions.add("-Dmicronaut.server.port=" + port);
        properties.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        process.run(ChildJvm.start(name, classpath(), jvmOptions, mainClass, List.of(), log));
        awaitHealthy();
    }

    /** Stops the service gracefully (SIGTERM), as Kubernetes does. */
    public void stop() {
        process.stop();
    }

    /** Kills the service outright (SIGKILL), as an OOM-killed or crashed pod dies. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        stop();
    }

    private String classpath() {
        Path classes = moduleDir.resolve("target/classes");
        Path dependencies = moduleDir.resolve("target/runtime-classpath.txt");
        try {
            return classes + java.io.File.pathSeparator + Files.readString(dependencies, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("No build of " + name + " at " + moduleDir
                    + ": build the project first (see README.md)", e);
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                    .failFast("exited", () -> !process.isAlive())
                    .until(() -> client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (TerminalFailureException exited) {
            throw new IllegalStateException(name + " exited during startup:\n" + ChildJvm.tail(log));
        } catch (ConditionTimeoutException unhealthy) {
            throw new IllegalStateException(name + " was not healthy within " + STARTUP_TIMEOUT + ":\n"
                    + ChildJvm.tail(log));
        }
    }
}

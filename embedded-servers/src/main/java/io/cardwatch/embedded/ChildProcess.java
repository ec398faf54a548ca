package io.cardwatch.embedded;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One server in a child process that can be stopped gracefully, killed, and started again. Its PID is kept in a file
 * while it runs, so that a run that follows a killed one can stop what that one left running.
 */
public final class ChildProcess {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final PidFile pidFile;
    private Process process;

    /** @param pidFile where the running process's PID is kept */
    public ChildProcess(Path pidFile) {
        this.pidFile = new PidFile(pidFile);
    }

    /**
     * Stops the process recorded in {@code pidFile} if it still runs: the JVM that started it was killed before it
     * could stop it. Call it only where no live run can be using the same file.
     */
    public static void stopLeftover(Path pidFile) {
        new PidFile(pidFile).stopLeftover(GRACE);
    }

    /** Takes charge of a process just started. */
    public synchronized void run(Process started) {
        process = started;
        pidFile.write(started.toHandle());
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("Not running");
        }
        return process.pid();
    }

    /** SIGTERM, so that shutdown hooks run, as Kubernetes stops a pod; SIGKILL if it does not stop in time. */
    public synchronized void stop() {
        if (process != null) {
            ChildJvm.stop(process, GRACE);
            process = null;
            pidFile.delete();
        }
    }

    /** SIGKILL: no shutdown hooks, as a crashed or OOM-killed process dies. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            ChildJvm.awaitExit(process, Duration.ofSeconds(10));
            process = null;
            pidFile.delete();
        }
    }
}

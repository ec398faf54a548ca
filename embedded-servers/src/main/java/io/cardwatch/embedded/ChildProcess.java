package io.cardwatch.embedded;

import java.time.Duration;

/** One server in a child process that can be stopped gracefully, killed, and started again. */
public final class ChildProcess {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private Process process;

    /** Takes charge of a process just started. */
    public synchronized void run(Process started) {
        process = started;
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
        }
    }

    /** SIGKILL: no shutdown hooks, as a crashed or OOM-killed process dies. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            ChildJvm.awaitExit(process, Duration.ofSeconds(10));
            process = null;
        }
    }
}

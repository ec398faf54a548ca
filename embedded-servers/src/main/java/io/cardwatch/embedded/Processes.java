package io.cardwatch.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes this JVM did not start, such as those an earlier, killed run left behind. */
final class Processes {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private Processes() {
    }

    /** SIGTERM, so that the process shuts down cleanly; SIGKILL to it and its children if it has not within grace. */
    static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!exited(process, grace)) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            if (!exited(process, KILL_WAIT)) {
                throw new IllegalStateException("Process " + process.pid() + " did not stop, even when killed");
            }
        }
        // Until they have exited, a PostgreSQL's backends hold its shared memory, and a new server refuses to start.
        children.forEach(child -> exited(child, KILL_WAIT));
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping process " + process.pid(), e);
        }
    }
}

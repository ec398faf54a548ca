package io.cardwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process recorded on disk, so that when this JVM is killed (kill -9, a closed terminal) the next run can
 * stop what it left running. The start time is recorded beside the PID, so that a PID the system has since given to
 * another program is never mistaken for the child.
 */
final class PidFile {

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

    private final Path file;

    PidFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    void write(ProcessHandle process) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + " "
                    + process.info().startInstant().map(Instant::toString).orElse("unknown") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    /** Stops the recorded process if it still runs, as {@link ChildJvm#stop} would have; then forgets it. */
    void stopLeftover(Duration grace) {
        recorded().ifPresent(process -> {
            LOG.warn("Stopping process {} that an earlier run left running ({})", process.pid(), file);
            Processes.stop(process, grace);
        });
        delete();
    }

    /** The recorded process, if one with the recorded PID and start time still runs. */
    private Optional<ProcessHandle> recorded() {
        List<String> fields;
        try {
            fields = List.of(Files.readString(file).trim().split(" "));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (fields.size() != 2 || !fields.get(0).matches("[0-9]+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(fields.get(0)))
                .filter(process -> process.info().startInstant().map(Instant::toString).orElse("unknown")
                        .equals(fields.get(1)));
    }
}

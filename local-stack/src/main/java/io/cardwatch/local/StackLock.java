package io.cardwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One local stack per data directory at a time: a second one would take the first one's servers for what a killed
 * run left behind, and stop them. The operating system drops the lock when the stack's JVM dies, even by kill -9.
 */
final class StackLock implements AutoCloseable {

    static final String FILE = "stack.lock";

    private final FileChannel channel;

    private StackLock(FileChannel channel) {
        this.channel = channel;
    }

    static StackLock acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another Cardwatch local stack is running on " + dataDir
                        + ": stop it first (Ctrl-C where it runs), or give this one another -Dcardwatch.data-dir.");
            }
            return new StackLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + dataDir, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unlock the data directory", e);
        }
    }
}

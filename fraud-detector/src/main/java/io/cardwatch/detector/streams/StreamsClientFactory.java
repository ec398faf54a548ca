package io.cardwatch.detector.streams;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The instance-wide pieces the Kafka Streams client is given: its RocksDB memory and its thread-failure policy. */
@Factory
class StreamsClientFactory {

    /**
     * Never closed: Kafka Streams closes its stores after the application context has begun destroying beans,
     * and a store must not outlive the cache it reads. The process's exit frees it.
     */
    @Singleton
    SharedRocksDBMemory rocksDBMemory(StreamsSettings settings) {
        return new SharedRocksDBMemory(settings.rocksdbMemoryMib(), settings.rocksdbWriteBufferMib());
    }

    @Singleton
    StreamThreadFailures streamThreadFailures(StreamsSettings settings) {
        return new StreamThreadFailures(settings.threadReplacements(), settings.threadReplacementWindow(),
                Clock.systemUTC());
    }
}

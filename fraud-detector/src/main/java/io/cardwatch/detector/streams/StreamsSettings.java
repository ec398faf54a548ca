package io.cardwatch.detector.streams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the Kafka Streams client of the detector uses memory and survives a failed stream thread, under
 * {@code cardwatch.streams} (see docs/configuration.md).
 *
 * @param rocksdbMemoryMib      all RocksDB memory of the instance, every store together: block cache, index and
 *                              filter blocks and write buffers
 * @param rocksdbWriteBufferMib the share of it that write buffers (memtables) may take
 * @param threadReplacements    failed stream threads replaced within {@code threadReplacementWindow}; one more
 *                              failure in that window shuts the client down
 */
@ConfigurationProperties("cardwatch.streams")
record StreamsSettings(
        @Bindable(defaultValue = "256") @Min(16) int rocksdbMemoryMib,
        @Bindable(defaultValue = "64") @Min(1) int rocksdbWriteBufferMib,
        @Bindable(defaultValue = "3") @Min(0) int threadReplacements,
        @Bindable(defaultValue = "PT10M") @NotNull Duration threadReplacementWindow) {

    StreamsSettings {
        if (rocksdbWriteBufferMib >= rocksdbMemoryMib) {
            throw new IllegalArgumentException("cardwatch.streams.rocksdb-write-buffer-mib (" + rocksdbWriteBufferMib
                    + ") must be less than cardwatch.streams.rocksdb-memory-mib (" + rocksdbMemoryMib
                    + "): write buffers are charged to the same budget, which must leave room for the block cache");
        }
    }
}

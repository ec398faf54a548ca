package io.cardwatch.detector.streams;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache for every RocksDB store of the instance, with the write buffers charged to it: however many
 * partitions, standbys and global stores the instance holds, their RocksDB memory stays near one budget
 * rather than growing by Kafka Streams' defaults (a 50 MiB cache and up to 48 MiB of memtables) per store.
 */
final class SharedRocksDBMemory {

    private static final long MIB = 1024L * 1024L;
    /** Index and filter blocks go to the high-priority pool: evicting them would make every read slow. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private final long bytes;
    private final long writeBufferBytes;
    private final Cache cache;
    private final WriteBufferManager writeBuffers;

    SharedRocksDBMemory(int mib, int writeBufferMib) {
        this.bytes = mib * MIB;
        this.writeBufferBytes = writeBufferMib * MIB;
        // Made before any store opens, which is what would otherwise load the native library.
        RocksDB.loadLibrary();
        // Not a strict limit: a read that needs a block beyond it still succeeds rather than failing.
        this.cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
        this.writeBuffers = new WriteBufferManager(writeBufferBytes, cache);
    }

    long bytes() {
        return bytes;
    }

    long writeBufferBytes() {
        return writeBufferBytes;
    }

    Cache cache() {
        return cache;
    }

    /** Points one store's options at the shared cache and write-buffer manager. */
    void applyTo(Options options) {
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        // Index and filter blocks in the cache count against the budget instead of growing beside it.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
    }
}

package io.cardwatch.detector.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/** The config setter on real RocksDB options and databases, prepared as Kafka Streams prepares a store's. */
class BoundedRocksDBConfigTest {

    private static final long MIB = 1024 * 1024;

    private final SharedRocksDBMemory memory = new SharedRocksDBMemory(32, 8);
    private final Map<String, Object> configs = Map.of(BoundedRocksDBConfig.MEMORY, memory);
    /** Databases and their options, closed in the reverse order of opening. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    @TempDir
    Path stateDir;

    @AfterEach
    void closeStores() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    @Test
    void everyStoreReadsThroughTheOneSharedCacheWithIndexAndFilterBlocksInIt() {
        // given
        Options profiles = kafkaStreamsOptions();
        Options ruleSets = kafkaStreamsOptions();

        // when
        new BoundedRocksDBConfig().setConfig("card-profiles", profiles, configs);
        new BoundedRocksDBConfig().setConfig("rule-sets", ruleSets, configs);

        // then
        for (Options options : List.of(profiles, ruleSets)) {
            var table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
            assertThat(table.blockCache()).isSameAs(memory.cache());
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        }
        assertThat(profiles.writeBufferManager()).isNotNull().isSameAs(ruleSets.writeBufferManager());
        assertThat(memory.bytes()).isEqualTo(32 * MIB);
        assertThat(memory.writeBufferBytes()).isEqualTo(8 * MIB);
    }

    @Test
    void writeBuffersOfEveryStoreAreChargedToTheSharedCache() throws RocksDBException {
        // given
        RocksDB profiles = open("card-profiles");
        RocksDB ruleSets = open("rule-sets");
        long before = memory.cache().getUsage();

        // when: 3 MiB into each store's memtable, below the 8 MiB that would make them flush
        write(profiles, 3 * MIB);
        write(ruleSets, 3 * MIB);

        // then
        assertThat(before).isLessThan(MIB);
        assertThat(memory.cache().getUsage()).isBetween(6 * MIB, 32 * MIB);
    }

    @Test
    void refusesAStoreWhenTheSharedMemoryIsMissingFromTheConfiguration() {
        assertThatThrownBy(() -> new BoundedRocksDBConfig().setConfig("card-profiles", kafkaStreamsOptions(),
                Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Store card-profiles: io.cardwatch.detector.streams.BoundedRocksDBConfig needs the shared"
                        + " RocksDB memory under cardwatch.streams.rocksdb-memory in the Streams configuration");
    }

    /** What RocksDBStore hands a config setter: its own options with Kafka's table config, before opening. */
    private Options kafkaStreamsOptions() {
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
        opened.push(options);
        return options;
    }

    private RocksDB open(String store) throws RocksDBException {
        Options options = kafkaStreamsOptions();
        new BoundedRocksDBConfig().setConfig(store, options, configs);
        RocksDB db = RocksDB.open(options, stateDir.resolve(store).toString());
        opened.push(db);
        return db;
    }

    private void write(RocksDB db, long bytes) throws RocksDBException {
        byte[] value = new byte[1024];
        try (WriteOptions noLog = new WriteOptions().setDisableWAL(true)) {
            for (int i = 0; i < bytes / value.length; i++) {
                db.put(noLog, ("card-" + i).getBytes(StandardCharsets.UTF_8), value);
            }
        }
    }
}

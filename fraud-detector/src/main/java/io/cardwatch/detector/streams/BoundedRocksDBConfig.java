package io.cardwatch.detector.streams;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * {@code rocksdb.config.setter} of the detector: every store shares the instance's {@link SharedRocksDBMemory},
 * which Kafka Streams, instantiating this class itself, finds in its configuration under {@link #MEMORY}.
 */
public final class BoundedRocksDBConfig implements RocksDBConfigSetter {

    static final String MEMORY = "cardwatch.streams.rocksdb-memory";

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (!(configs.get(MEMORY) instanceof SharedRocksDBMemory memory)) {
            throw new ConfigException("Store " + storeName + ": " + BoundedRocksDBConfig.class.getName()
                    + " needs the shared RocksDB memory under " + MEMORY + " in the Streams configuration");
        }
        memory.applyTo(options);
    }

    /** The cache and the write-buffer manager are the instance's, not the store's: they outlive it. */
    @Override
    public void close(String storeName, Options options) {
    }
}

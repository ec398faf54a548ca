package io.cardwatch.detector.streams;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the shared RocksDB memory to the Streams configuration as soon as it exists, before any topology or
 * client is built from it; {@code rocksdb.config.setter} (application.yml) is what makes the stores use it.
 */
@Singleton
class RocksDBMemoryInstaller implements BeanCreatedEventListener<ConfiguredStreamBuilder> {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBMemoryInstaller.class);

    private final SharedRocksDBMemory memory;

    RocksDBMemoryInstaller(SharedRocksDBMemory memory) {
        this.memory = memory;
    }

    @Override
    public ConfiguredStreamBuilder onCreated(BeanCreatedEvent<ConfiguredStreamBuilder> event) {
        ConfiguredStreamBuilder builder = event.getBean();
        builder.getConfiguration().put(BoundedRocksDBConfig.MEMORY, memory);
        LOG.info("RocksDB stores of Kafka Streams {} share {} MiB, of which write buffers {} MiB", builder.getName(),
                memory.bytes() >> 20, memory.writeBufferBytes() >> 20);
        return builder;
    }
}

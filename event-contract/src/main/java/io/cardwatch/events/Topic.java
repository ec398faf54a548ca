package io.cardwatch.events;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its keys and values, and the topic configs it must be created with. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    /** A topic with the broker's default configs. */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, keySerde, valueSerde, Map.of());
    }
}

package io.cardwatch.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka Streams application that copies records unchanged, with the detector's guarantees (exactly once
 * v2, the same commit interval and threads): the ceiling for any topology on this broker.
 */
final class PassthroughBaseline {

    private static final String APPLICATION_ID = "bench-passthrough";

    private PassthroughBaseline() {
    }

    static Rate run(Cluster cluster, String bootstrap, long records, Path stateDir) throws Exception {
        cluster.create("bench-passthrough-in", 6);
        cluster.create("bench-passthrough-out", 6);
        fill(bootstrap, "bench-passthrough-in", records);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("bench-passthrough-in", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to("bench-passthrough-out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            return Cluster.timeProgress(() -> committed(cluster), records, Duration.ofMinutes(10));
        }
    }

    /** Fills a topic with records of 300 bytes keyed over many cards, as the transactions topic is. */
    static void fill(String bootstrap, String topic, long records) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        byte[] value = new byte[300];
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, ("card-" + i % 10_000).getBytes(), value));
            }
            producer.flush();
        }
    }

    private static long committed(Cluster cluster) {
        try {
            return cluster.committed(APPLICATION_ID, "bench-passthrough-in");
        } catch (Exception notYet) {
            return 0;
        }
    }
}

package io.cardwatch.detector.liveconfig;

import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.deadletter.DeadLetterRecords;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets a live-configuration record the global stores refuse aside on the dead-letter topic, untouched. */
@Singleton
class ConfigurationDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationDeadLetters.class);

    private final Producer<byte[], byte[]> producer;
    private final DeadLetterMetrics metrics;

    ConfigurationDeadLetters(@KafkaClient("dead-letters") Producer<byte[], byte[]> producer, DeadLetterMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    /** Returns once the broker has the dead letter, so that the listener commits the record only then. */
    void setAside(ConsumerRecord<byte[], byte[]> record, String cause, Exception error)
            throws ExecutionException, InterruptedException {
        LOG.warn("{}-{}@{} set aside as {}: {}", record.topic(), record.partition(), record.offset(), cause,
                error.getMessage());
        producer.send(DeadLetterRecords.of(cause, error, record.topic(), record.partition(), record.offset(),
                record.key(), record.value())).get();
        metrics.setAside(cause, record.topic());
    }
}

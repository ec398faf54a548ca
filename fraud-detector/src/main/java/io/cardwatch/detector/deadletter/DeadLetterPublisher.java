package io.cardwatch.detector.deadletter;

import io.cardwatch.events.DeadLetter;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Sets aside records the detector reads outside the topology: decisions the sink cannot write, and live
 * configuration the global stores refuse. It returns only once the broker has the dead letter (acks=all), so that
 * the caller commits the source record only then: a crash in between publishes a dead letter twice, never loses
 * one. The topology's own dead letters are not published here but by Kafka Streams, from its exception handlers,
 * in the same transaction as the rest of what the record produced.
 */
@Singleton
public final class DeadLetterPublisher {

    private final Producer<byte[], byte[]> producer;
    private final DeadLetterMetrics metrics;

    DeadLetterPublisher(@KafkaClient("dead-letters") Producer<byte[], byte[]> producer, DeadLetterMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    public void setAside(DeadLetter deadLetter) {
        try {
            producer.send(deadLetter.toRecord()).get();
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot set " + deadLetter.coordinates() + " aside", e.getCause());
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
        metrics.setAside(deadLetter);
    }
}

package io.cardwatch.detector.sink;

import io.cardwatch.events.Decision;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A decision read from Kafka, with the record it came from, so that it can be traced or set aside. */
record DecisionRecord(ConsumerRecord<String, byte[]> source, Decision decision) {

    String coordinates() {
        return source.topic() + "-" + source.partition() + "@" + source.offset();
    }
}

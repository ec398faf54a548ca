package io.cardwatch.detector.sink;

import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/** Sets records aside on the dead-letter topic; returns only once the broker has them. */
@KafkaClient(id = "dead-letters", acks = KafkaClient.Acknowledge.ALL)
interface DeadLetterPublisher {

    @Topic(Topics.DEAD_LETTERS_NAME)
    RecordMetadata publish(@KafkaKey byte[] key, byte[] value, Headers headers);
}

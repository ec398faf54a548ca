package io.cardwatch.review.action;

import io.cardwatch.events.Label;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes what analysts decide. Each send blocks until every in-sync replica has the record (or fails within
 * the producer's delivery timeout), so that the database transaction around it commits only what Kafka holds.
 */
@KafkaClient(id = "review", acks = KafkaClient.Acknowledge.ALL)
interface ReviewPublisher {

    /** Keyed by transaction ID: the latest verdict on a transaction is the one the compacted topic keeps. */
    @Topic(Topics.LABELS_NAME)
    RecordMetadata label(@KafkaKey String transactionId, Label label);

    /** Keyed {@code card:<cardId>}, as the detector's card lists are. */
    @Topic(Topics.CARD_LISTS_NAME)
    RecordMetadata cardList(@KafkaKey String key, ListEntry entry);
}

package io.cardwatch.gateway.ingest;

import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes accepted transactions keyed by card, so that one card's events stay in order on one
 * partition. The future completes only once every in-sync replica has the record.
 */
@KafkaClient(id = "transactions", acks = KafkaClient.Acknowledge.ALL)
interface TransactionPublisher {

    @Topic(Topics.TRANSACTIONS_NAME)
    CompletableFuture<RecordMetadata> publish(@KafkaKey String cardId, Transaction transaction);
}

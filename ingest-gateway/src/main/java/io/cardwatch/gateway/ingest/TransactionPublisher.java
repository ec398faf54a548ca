package io.cardwatch.gateway.ingest;

import io.cardwatch.events.EventHeaders;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageHeader;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes accepted transactions keyed by card, so that one card's events stay in order on one
 * partition, with the producer that posted them as a header. The future completes only once every in-sync
 * replica has the record.
 */
@KafkaClient(id = "transactions", acks = KafkaClient.Acknowledge.ALL)
interface TransactionPublisher {

    @Topic(Topics.TRANSACTIONS_NAME)
    CompletableFuture<RecordMetadata> publish(@KafkaKey String cardId, Transaction transaction,
                                             @MessageHeader(EventHeaders.PRODUCER_ID) String producerId);
}

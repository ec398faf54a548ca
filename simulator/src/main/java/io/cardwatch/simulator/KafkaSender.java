package io.cardwatch.simulator;

import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes transactions straight to the {@code transactions} topic, as the gateway does, bypassing HTTP. */
public final class KafkaSender implements TransactionSender {

    private final KafkaProducer<String, Transaction> producer;

    public KafkaSender(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(config, Topics.TRANSACTIONS.keySerde().serializer(),
                Topics.TRANSACTIONS.valueSerde().serializer());
    }

    @Override
    public CompletableFuture<Delivery> send(Transaction transaction) {
        CompletableFuture<Delivery> delivery = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), transaction.cardId(), transaction),
                (metadata, error) -> delivery.complete(error == null ? Delivery.ACCEPTED : Delivery.FAILED));
        return delivery;
    }

    @Override
    public void close() {
        producer.close();
    }
}

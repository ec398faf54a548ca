package io.cardwatch.gateway.lookup;

import io.cardwatch.events.Decision;
import io.cardwatch.events.EventHeaders;
import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Follows the decisions topic from its end on every gateway instance (a group of its own, nothing committed),
 * reading only committed decisions, and posts each one on the {@link DecisionBoard} with the producer that
 * posted its transaction: the header the gateway wrote on the transaction, which the detector keeps on its
 * decision.
 */
@KafkaListener(groupId = "cardwatch-gateway-lookup", uniqueGroupId = true, offsetReset = OffsetReset.LATEST,
        offsetStrategy = OffsetStrategy.DISABLED,
        properties = {
                @Property(name = "isolation.level", value = "read_committed"),
                @Property(name = "enable.auto.commit", value = "false")})
class DecisionTail {

    private final DecisionBoard board;

    DecisionTail(DecisionBoard board) {
        this.board = board;
    }

    @Topic(Topics.DECISIONS_NAME)
    void receive(ConsumerRecord<String, Decision> record) {
        Header producer = record.headers().lastHeader(EventHeaders.PRODUCER_ID);
        board.post(record.value(), producer == null ? null : new String(producer.value(), StandardCharsets.UTF_8));
    }
}

package io.cardwatch.detector.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a record that cannot be read to the dead-letter topic, untouched, and carries on with the next. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterMetrics metrics;

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("Dead letter {} at {}-{}@{}: {}", RejectedRecordException.UNDESERIALIZABLE, record.topic(),
                record.partition(), record.offset(), exception.getMessage());
        metrics.setAside(RejectedRecordException.UNDESERIALIZABLE, record.topic());
        return Response.resume(List.of(DeadLetterRecords.of(RejectedRecordException.UNDESERIALIZABLE, exception,
                record.topic(), record.partition(), record.offset(), record.key(), record.value())));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        metrics = DeadLetterMetrics.from(configs);
    }
}

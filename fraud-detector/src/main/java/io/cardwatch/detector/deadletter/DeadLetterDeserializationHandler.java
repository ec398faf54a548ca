package io.cardwatch.detector.deadletter;

import io.cardwatch.events.DeadLetter;
import io.cardwatch.events.DeadLetterCause;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Sends a record that cannot be read to the dead-letter topic, untouched, and carries on with the next. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private DeadLetterMetrics metrics;

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        DeadLetter deadLetter = DeadLetter.of(DeadLetterCause.UNDESERIALIZABLE, exception, record);
        metrics.setAside(deadLetter);
        return Response.resume(List.of(deadLetter.toRecord()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        metrics = DeadLetterMetrics.from(configs);
    }
}

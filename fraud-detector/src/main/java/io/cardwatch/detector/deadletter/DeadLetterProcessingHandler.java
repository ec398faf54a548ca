package io.cardwatch.detector.deadletter;

import io.cardwatch.events.DeadLetter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records a processor rejected on purpose to the dead-letter topic and carries on; any other exception
 * is a bug and stops the stream thread (fail fast), so that nothing is skipped unnoticed.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterMetrics metrics;

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!(exception instanceof RejectedRecordException rejected)) {
            LOG.error("Processing failed at {}-{}@{} in {}", context.topic(), context.partition(), context.offset(),
                    context.processorNodeId(), exception);
            return Response.fail();
        }
        DeadLetter deadLetter = new DeadLetter(rejected.cause(), rejected, context.topic(), context.partition(),
                context.offset(), context.headers(), context.sourceRawKey(), context.sourceRawValue());
        metrics.setAside(deadLetter);
        return Response.resume(List.of(deadLetter.toRecord()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        metrics = DeadLetterMetrics.from(configs);
    }
}

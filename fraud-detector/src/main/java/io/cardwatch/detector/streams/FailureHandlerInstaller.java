package io.cardwatch.detector.streams;

import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

/** Gives the Kafka Streams client its thread-failure policy; a client takes it only before it starts. */
@Singleton
class FailureHandlerInstaller implements ApplicationEventListener<BeforeKafkaStreamStart> {

    private final StreamThreadFailures failures;

    FailureHandlerInstaller(StreamThreadFailures failures) {
        this.failures = failures;
    }

    @Override
    public void onApplicationEvent(BeforeKafkaStreamStart event) {
        event.getKafkaStreams().setUncaughtExceptionHandler(failures);
    }
}

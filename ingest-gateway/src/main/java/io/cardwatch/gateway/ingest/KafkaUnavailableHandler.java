package io.cardwatch.gateway.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Kafka could not take the transaction now: 503 with Retry-After, so that the producer backs off and resends. */
@Produces
@Singleton
@Requires(classes = {KafkaUnavailableException.class, ExceptionHandler.class})
class KafkaUnavailableHandler implements ExceptionHandler<KafkaUnavailableException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;
    private final String retryAfterSeconds;

    KafkaUnavailableHandler(ErrorResponseProcessor<?> errors, IngestConfiguration configuration) {
        this.errors = errors;
        this.retryAfterSeconds = Long.toString(Math.max(1, configuration.retryAfter().toSeconds()));
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, KafkaUnavailableException exception) {
        return errors.processResponse(
                ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds));
    }
}

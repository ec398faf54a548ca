package io.cardwatch.gateway.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** A transaction ID reused for other facts is a producer bug: 409, never a silent overwrite. */
@Produces
@Singleton
@Requires(classes = {ConflictingTransactionException.class, ExceptionHandler.class})
class ConflictingTransactionHandler implements ExceptionHandler<ConflictingTransactionException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    ConflictingTransactionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConflictingTransactionException exception) {
        return errors.processResponse(
                ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                HttpResponse.status(HttpStatus.CONFLICT));
    }
}

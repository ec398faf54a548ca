package io.cardwatch.gateway.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.Optional;

/**
 * Renders every error the server answers (validation, unreadable JSON, unknown route, wrong media type...)
 * as {@code application/problem+json}, in place of Micronaut's own JSON error body.
 */
@Singleton
final class ProblemDetailsBodyProvider implements JsonErrorResponseBodyProvider<ProblemDetails> {

    @Override
    public ProblemDetails body(ErrorContext context, HttpResponse<?> response) {
        String instance = context.getRequest().getPath();
        Optional<Throwable> cause = context.getRootCause();
        if (cause.orElse(null) instanceof ConstraintViolationException violations) {
            return Problems.invalid(violations, "request", instance);
        }
        String detail = context.getErrors().stream().map(Error::getMessage).map(FieldErrors::firstLine)
                .findFirst().orElse(response.reason());
        return Problems.of(response.code(), detail, instance, cause.orElse(null));
    }

    @Override
    public String contentType() {
        return ProblemDetails.MEDIA_TYPE;
    }
}

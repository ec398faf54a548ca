package io.cardwatch.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.List;

/**
 * Renders every error the server answers (validation, unreadable JSON, unknown route, wrong media type...)
 * as {@code application/problem+json}, in place of Micronaut's own JSON error body.
 */
@Singleton
final class ProblemDetailsBodyProvider implements JsonErrorResponseBodyProvider<ProblemDetails> {

    @Override
    public ProblemDetails body(ErrorContext context, HttpResponse<?> response) {
        List<ProblemDetails.FieldError> fieldErrors = context.getRootCause()
                .map(ProblemDetailsBodyProvider::fieldErrors)
                .orElse(List.of());
        boolean invalidFields = context.getRootCause().filter(ConstraintViolationException.class::isInstance)
                .isPresent();
        String detail = invalidFields
                ? fieldErrors.size() + " invalid field(s) in the request"
                : context.getErrors().stream().map(Error::getMessage).map(FieldErrors::firstLine)
                        .findFirst().orElse(response.reason());
        return new ProblemDetails("about:blank", HttpStatus.getDefaultReason(response.code()), response.code(),
                detail, context.getRequest().getPath(), fieldErrors);
    }

    @Override
    public String contentType() {
        return ProblemDetails.MEDIA_TYPE;
    }

    private static List<ProblemDetails.FieldError> fieldErrors(Throwable cause) {
        if (cause instanceof ConstraintViolationException violations) {
            return FieldErrors.of(violations.getConstraintViolations());
        }
        for (Throwable next = cause; next != null; next = next.getCause()) {
            if (next instanceof JsonProcessingException json) {
                return FieldErrors.of(json);
            }
        }
        return List.of();
    }
}

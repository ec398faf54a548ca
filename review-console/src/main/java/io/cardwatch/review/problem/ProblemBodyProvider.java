package io.cardwatch.review.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Renders every error of the console that is not for a browser (401, 403, 404, 409, a stale resolution, a
 * failed publish, a bad filter) as {@code application/problem+json}, in place of Micronaut's own JSON error.
 */
@Singleton
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<ProblemDetails> {

    @Override
    public ProblemDetails body(ErrorContext context, HttpResponse<?> response) {
        return new ProblemDetails("about:blank", HttpStatus.getDefaultReason(response.code()), response.code(),
                detail(context, response), context.getRequest().getPath());
    }

    @Override
    public String contentType() {
        return ProblemDetails.MEDIA_TYPE;
    }

    static String detail(ErrorContext context, HttpResponse<?> response) {
        return context.getErrors().stream().map(Error::getMessage).findFirst()
                .map(message -> {
                    int newline = message.indexOf('\n');
                    return newline < 0 ? message : message.substring(0, newline);
                })
                .orElse(response.reason());
    }
}

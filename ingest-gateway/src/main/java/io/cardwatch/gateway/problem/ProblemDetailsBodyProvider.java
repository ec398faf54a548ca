package io.cardwatch.gateway.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Renders every error the server answers (validation, unreadable JSON, unknown route, wrong media type...)
 * as {@code application/problem+json}, in place of Micronaut's own JSON error body.
 */
@Singleton
final class ProblemDetailsBodyProvider implements JsonErrorResponseBodyProvider<ProblemDetails> {

    @Override
    public ProblemDetails body(ErrorContext context, HttpResponse<?> response) {
        List<ProblemDetails.FieldError> fieldErrors = context.getRootCause()
                .filter(ConstraintViolationException.class::isInstance)
                .map(cause -> fieldErrors((ConstraintViolationException) cause))
                .orElse(List.of());
        String detail = fieldErrors.isEmpty()
                ? context.getErrors().stream().map(Error::getMessage).map(ProblemDetailsBodyProvider::firstLine)
                        .findFirst().orElse(response.reason())
                : fieldErrors.size() + " invalid field(s) in the request";
        return new ProblemDetails("about:blank", HttpStatus.getDefaultReason(response.code()), response.code(),
                detail, context.getRequest().getPath(), fieldErrors);
    }

    @Override
    public String contentType() {
        return ProblemDetails.MEDIA_TYPE;
    }

    private static List<ProblemDetails.FieldError> fieldErrors(ConstraintViolationException exception) {
        return exception.getConstraintViolations().stream()
                .map(violation -> new ProblemDetails.FieldError(pointer(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ProblemDetails.FieldError::pointer)
                        .thenComparing(ProblemDetails.FieldError::detail))
                .toList();
    }

    /** A JSON pointer into the body: the path of the violation without the method and its parameter. */
    private static String pointer(ConstraintViolation<?> violation) {
        List<String> names = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER)
                .map(ProblemDetailsBodyProvider::segment)
                .toList();
        return "#/" + String.join("/", names);
    }

    private static String segment(Path.Node node) {
        return node.getIndex() != null ? node.getName() + "/" + node.getIndex() : node.getName();
    }

    /** Parser messages carry a location trailer on later lines that means nothing to a producer. */
    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

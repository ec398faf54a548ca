package io.cardwatch.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Names the bad members of a request body as JSON pointers, for {@link ProblemDetails#errors()}. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** The members a constraint violation or a reader's error in {@code cause}'s chain is about; none for others. */
    public static List<ProblemDetails.FieldError> of(Throwable cause) {
        if (cause instanceof ConstraintViolationException violations) {
            return of(violations.getConstraintViolations());
        }
        for (Throwable next = cause; next != null; next = next.getCause()) {
            if (next instanceof JsonProcessingException json) {
                return of(json);
            }
        }
        return List.of();
    }

    /** One error per constraint violation, sorted by pointer. */
    private static List<ProblemDetails.FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new ProblemDetails.FieldError(pointer(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ProblemDetails.FieldError::pointer)
                        .thenComparing(ProblemDetails.FieldError::detail))
                .toList();
    }

    /** The member a type or unknown-field error is about; none when the JSON itself is broken. */
    private static List<ProblemDetails.FieldError> of(JsonProcessingException exception) {
        if (!(exception instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return List.of();
        }
        String pointer = mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : Integer.toString(reference.getIndex()))
                .collect(Collectors.joining("/", "#/", ""));
        return List.of(new ProblemDetails.FieldError(pointer, firstLine(mapping.getOriginalMessage())));
    }

    /** Parser messages carry a location trailer on later lines that means nothing to a producer. */
    public static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A JSON pointer into the body: the path of the violation without the method and its parameter. */
    private static String pointer(ConstraintViolation<?> violation) {
        List<String> names = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER)
                .map(FieldErrors::segment)
                .toList();
        return "#/" + String.join("/", names);
    }

    private static String segment(Path.Node node) {
        return node.getIndex() != null ? node.getName() + "/" + node.getIndex() : node.getName();
    }
}

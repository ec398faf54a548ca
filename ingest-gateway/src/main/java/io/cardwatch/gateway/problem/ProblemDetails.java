package io.cardwatch.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} is the extension member that names each bad field as a
 * JSON pointer into the request body, as in the RFC's own example.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, String instance,
                             List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid member of the request. */
    public record FieldError(String pointer, String detail) {
    }
}

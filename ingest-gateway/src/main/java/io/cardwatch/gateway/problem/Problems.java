package io.cardwatch.gateway.problem;

import io.micronaut.http.HttpStatus;
import jakarta.validation.ConstraintViolationException;

/**
 * The one place a problem document is made: the body of every error the server answers
 * ({@link ProblemDetailsBodyProvider}) and the problem of each refused event of a batch.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem of {@code status} on {@code instance}, naming the bad members {@code cause} is about, if any. */
    public static ProblemDetails of(int status, String detail, String instance, Throwable cause) {
        return new ProblemDetails("about:blank", HttpStatus.getDefaultReason(status), status, detail, instance,
                FieldErrors.of(cause));
    }

    /** A 400 for a body that broke the constraints of {@code subject} ("request", "event"), naming each member. */
    public static ProblemDetails invalid(ConstraintViolationException violations, String subject, String instance) {
        return of(HttpStatus.BAD_REQUEST.getCode(),
                violations.getConstraintViolations().size() + " invalid field(s) in the " + subject, instance,
                violations);
    }
}

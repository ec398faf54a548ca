package io.cardwatch.review.action;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** Kafka did not take the label or list entry: 503, and the database change was rolled back with it. */
public final class PublishFailedException extends HttpStatusException {

    PublishFailedException(String what, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not take the " + what + ", so nothing was saved: try again "
                + "shortly (" + cause.getMessage() + ")");
        initCause(cause);
    }
}

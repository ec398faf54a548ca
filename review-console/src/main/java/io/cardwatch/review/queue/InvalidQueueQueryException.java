package io.cardwatch.review.queue;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** A filter or cursor of the queue that cannot be read: 400. */
final class InvalidQueueQueryException extends HttpStatusException {

    InvalidQueueQueryException(String parameter, String problem) {
        super(HttpStatus.BAD_REQUEST, parameter + " " + problem);
    }
}

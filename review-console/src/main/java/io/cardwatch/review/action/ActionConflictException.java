package io.cardwatch.review.action;

import io.cardwatch.review.alert.AlertStatus;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * The action does not fit the alert as it is now: someone else acted on it since the form was loaded (a stale
 * form), or the action cannot be taken from its status. 409; nothing was changed or published.
 */
public final class ActionConflictException extends HttpStatusException {

    private final AlertStatus current;

    ActionConflictException(String message, AlertStatus current) {
        super(HttpStatus.CONFLICT, message);
        this.current = current;
    }

    public AlertStatus current() {
        return current;
    }
}

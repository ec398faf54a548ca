package io.cardwatch.review.alert;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** No alert has this transaction ID: 404. */
public final class AlertNotFoundException extends HttpStatusException {

    public AlertNotFoundException(String transactionId) {
        super(HttpStatus.NOT_FOUND, "No alert for transaction " + transactionId);
    }
}

package io.cardwatch.review.alert;

/** Where an alert stands in review: open (possibly escalated), or resolved with a verdict. */
public enum AlertStatus {
    OPEN,
    ESCALATED,
    CONFIRMED_FRAUD,
    LEGITIMATE;

    /** Still waiting in the queue. */
    public boolean open() {
        return this == OPEN || this == ESCALATED;
    }
}

package io.cardwatch.events;

/** What the detector advises the authorizer to do with a transaction. */
public enum Outcome {
    APPROVE,
    REVIEW,
    DECLINE
}

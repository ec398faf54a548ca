package io.cardwatch.events;

/**
 * Why a record was set aside on the dead-letter topic. The names are stable codes: they travel in the
 * {@link DeadLetters#CAUSE} header and label the dead-letter metric, which alerts and dashboards group by.
 */
public enum DeadLetterCause {

    /** The record could not be read as its topic's type. */
    UNDESERIALIZABLE,
    /** The record was read but breaks the contract (missing fields, key not the card ID...). */
    INVALID,
    /** The transaction is too old to be scored: past the configured maximum age or the card's de-duplication horizon. */
    TOO_OLD,
    /** PostgreSQL refused the decision for what is in it. */
    REJECTED_BY_DATABASE
}

package io.cardwatch.gateway.auth;

/** Where the authenticated producer is found on a request, for the features that record it. */
public final class ProducerIdentity {

    /** Request attribute holding the producer name. */
    public static final String ATTRIBUTE = "cardwatch.producer";

    /** The producer of every request while authentication is disabled. */
    public static final String ANONYMOUS = "anonymous";

    private ProducerIdentity() {
    }
}

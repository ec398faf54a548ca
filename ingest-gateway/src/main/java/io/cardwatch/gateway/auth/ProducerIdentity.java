package io.cardwatch.gateway.auth;

/** Where the authenticated producer is found on a request, for the features that record it. */
public final class ProducerIdentity {

    /** Request attribute holding the producer name. */
    public static final String ATTRIBUTE = "cardwatch.producer";

    /**
     * Request attribute holding the producer whose decisions the caller may read: its own, or for a lookup-only
     * key the producer it reads for.
     */
    public static final String READS_FOR = "cardwatch.reads-for";

    /** The producer of every request while authentication is disabled. */
    public static final String ANONYMOUS = "anonymous";

    private ProducerIdentity() {
    }
}

package io.cardwatch.gateway.auth;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One producer allowed to call the gateway ({@code cardwatch.auth.producers.<name>.*}): only the SHA-256 of
 * its API key is configured, never the key itself. While its key is rotated, the next key's hash is accepted
 * beside the current one, so the producer can switch keys without a refused call.
 */
@EachProperty("cardwatch.auth.producers")
final class ProducerCredential {

    private final String name;
    private String apiKeySha256;
    private String nextApiKeySha256;
    private boolean write = true;
    private String readsFor;
    private double requestsPerSecond = 1000;
    private int burst = 2000;

    ProducerCredential(@Parameter String name) {
        this.name = name;
    }

    String getName() {
        return name;
    }

    /** Hex SHA-256 of the producer's current API key. */
    String getApiKeySha256() {
        return apiKeySha256;
    }

    void setApiKeySha256(String apiKeySha256) {
        this.apiKeySha256 = apiKeySha256;
    }

    /** The key being rotated to; unset outside a rotation. */
    String getNextApiKeySha256() {
        return nextApiKeySha256;
    }

    void setNextApiKeySha256(String nextApiKeySha256) {
        this.nextApiKeySha256 = nextApiKeySha256;
    }

    /** False for a key that may only look decisions up. */
    boolean isWrite() {
        return write;
    }

    void setWrite(boolean write) {
        this.write = write;
    }

    /** For a lookup-only key: the producer whose decisions it reads (a lookup-only key posts none of its own). */
    String getReadsFor() {
        return readsFor;
    }

    void setReadsFor(String readsFor) {
        this.readsFor = readsFor;
    }

    /** The producer whose transactions' decisions this key may read. */
    String decisionsOf() {
        return readsFor == null || readsFor.isBlank() ? name : readsFor;
    }

    double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    int getBurst() {
        return burst;
    }

    void setBurst(int burst) {
        this.burst = burst;
    }
}

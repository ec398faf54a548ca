package io.cardwatch.gateway.auth;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One producer allowed to call the gateway ({@code cardwatch.auth.producers.<name>.*}): only the SHA-256 of
 * its API key is configured, never the key itself.
 */
@EachProperty("cardwatch.auth.producers")
final class ProducerCredential {

    private final String name;
    private String apiKeySha256;
    private boolean write = true;
    private double requestsPerSecond = 1000;
    private int burst = 2000;

    ProducerCredential(@Parameter String name) {
        this.name = name;
    }

    String getName() {
        return name;
    }

    String getApiKeySha256() {
        return apiKeySha256;
    }

    void setApiKeySha256(String apiKeySha256) {
        this.apiKeySha256 = apiKeySha256;
    }

    /** False for a key that may only look decisions up. */
    boolean isWrite() {
        return write;
    }

    void setWrite(boolean write) {
        this.write = write;
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

package io.cardwatch.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cardwatch.gateway.problem.ProblemDetails;
import java.util.List;

/**
 * The answer to a batch, one result per event in request order, like Kinesis PutRecords: the batch as a
 * whole succeeds; {@code failedCount} says how many events the producer must look at.
 */
record BatchResult(int failedCount, List<EventResult> results) {

    static BatchResult of(List<EventResult> results) {
        int failed = (int) results.stream().filter(result -> !EventResult.ACCEPTED.equals(result.status())).count();
        return new BatchResult(failed, results);
    }

    /**
     * {@code ACCEPTED} once Kafka acknowledged it; {@code REJECTED} when the event itself is wrong (do not
     * resend it as is); {@code UNAVAILABLE} when Kafka could not take it now (resend it later).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventResult(String transactionId, String status, ProblemDetails problem) {

        static final String ACCEPTED = "ACCEPTED";
        static final String REJECTED = "REJECTED";
        static final String UNAVAILABLE = "UNAVAILABLE";

        static EventResult accepted(String transactionId) {
            return new EventResult(transactionId, ACCEPTED, null);
        }
    }
}

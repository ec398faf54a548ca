package io.cardwatch.gateway.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.Transaction;
import io.cardwatch.gateway.problem.FieldErrors;
import io.cardwatch.gateway.problem.ProblemDetails;
import io.cardwatch.gateway.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Reads one event of a batch as the single endpoint's binding reads its body: with the same strict JSON reader,
 * then against the same {@link TransactionRequest} constraints, each failure rendered by {@link Problems}.
 */
@Singleton
class BatchEventReader {

    private final ObjectMapper json;
    private final Validator validator;

    BatchEventReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The event as a valid transaction, or the 400 problem about it on {@code instance}. */
    Event read(JsonNode event, String instance) {
        TransactionRequest request;
        try {
            request = json.treeToValue(event, TransactionRequest.class);
        } catch (JsonProcessingException e) {
            return Event.refused(Problems.of(HttpStatus.BAD_REQUEST.getCode(),
                    FieldErrors.firstLine(e.getOriginalMessage()), instance, e));
        }
        if (request == null) {
            return Event.refused(Problems.of(HttpStatus.BAD_REQUEST.getCode(), "The event is null", instance, null));
        }
        Set<ConstraintViolation<TransactionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return Event.refused(Problems.invalid(new ConstraintViolationException(violations), "event", instance));
        }
        return new Event(request.toEvent(), null);
    }

    /** Either the transaction to publish or the problem that refuses it. */
    record Event(@Nullable Transaction transaction, @Nullable ProblemDetails problem) {

        static Event refused(ProblemDetails problem) {
            return new Event(null, problem);
        }
    }
}

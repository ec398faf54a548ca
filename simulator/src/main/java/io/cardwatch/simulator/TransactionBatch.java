package io.cardwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The wire form of {@code POST /v1/transactions:batch}: the request body, and the status of each event answered. */
public final class TransactionBatch {

    /** The status of an event the gateway stored. */
    public static final String ACCEPTED = "ACCEPTED";
    /** The status of an event refused as invalid: sending it again would not help. */
    public static final String REJECTED = "REJECTED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransactionBatch() {
    }

    /** One transaction as the gateway reads it. */
    public static byte[] json(Transaction transaction) {
        return Topics.TRANSACTIONS.valueSerde().serializer().serialize(Topics.TRANSACTIONS.name(), transaction);
    }

    /** The body holding {@code events}, each already in its JSON form, in order. */
    public static byte[] body(List<byte[]> events) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(events.size() * 320 + 32);
        body.writeBytes("{\"transactions\":[".getBytes(StandardCharsets.US_ASCII));
        for (int index = 0; index < events.size(); index++) {
            if (index > 0) {
                body.write(',');
            }
            body.writeBytes(events.get(index));
        }
        body.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /**
     * The status of each of {@code size} events in a 200 answer, in request order; an empty string for an event
     * the answer does not report, or for every event when the answer cannot be read.
     */
    public static List<String> statuses(byte[] answer, int size) {
        JsonNode results;
        try {
            results = JSON.readTree(answer).path("results");
        } catch (IOException unreadable) {
            results = JSON.missingNode();
        }
        List<String> statuses = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            statuses.add(results.path(index).path("status").asText());
        }
        return statuses;
    }
}

package io.cardwatch.detector.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cardwatch.events.JsonSerde;

/**
 * The form of a card's state in its stores and their changelogs: Smile (binary JSON), with instants as exact
 * decimal epoch seconds. Every transaction reads and rewrites its card's state, and text JSON with ISO-8601
 * times made that the detector's largest cost.
 */
final class StateSerde {

    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory())
            .registerModule(new JavaTimeModule())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .enable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StateSerde() {
    }

    static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type, SMILE);
    }
}

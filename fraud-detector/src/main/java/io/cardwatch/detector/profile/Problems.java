package io.cardwatch.detector.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** The detector's one renderer of HTTP errors: RFC 9457 problem details. */
@Singleton
final class Problems {

    private static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    MutableHttpResponse<?> response(HttpStatus status, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        try {
            return HttpResponse.status(status).contentType(PROBLEM_JSON).body(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem detail", e);
        }
    }
}

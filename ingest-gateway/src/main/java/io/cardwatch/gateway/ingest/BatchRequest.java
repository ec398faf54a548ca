package io.cardwatch.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * Several transactions in one request. Each is kept as raw JSON so that one malformed event is refused on
 * its own instead of failing the whole batch.
 */
@Introspected
record BatchRequest(@NotEmpty List<JsonNode> transactions) {
}

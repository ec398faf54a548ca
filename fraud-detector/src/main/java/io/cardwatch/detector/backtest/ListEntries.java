package io.cardwatch.detector.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocklists and allowlists a backtest scores under, as they stand on {@code card-lists}: JSON lines, each
 * the entry's key beside the fields of a {@code card-lists} record, e.g.
 * {@code {"key": "merchant:m-9", "list": "BLOCK", "note": "skimming"}}.
 */
final class ListEntries {

    static final ListEntries NONE = new ListEntries(Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ListEntry> byKey;

    private ListEntries(Map<String, ListEntry> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    static ListEntries read(Path file) throws IOException {
        Map<String, ListEntry> entries = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode line = JSON.readTree(lines.get(i));
            JsonNode key = line.get("key");
            if (key == null || !key.isTextual() || line.get("list") == null) {
                throw new IOException(file + " line " + (i + 1) + ": an entry needs a \"key\" and a \"list\"");
            }
            ((ObjectNode) line).remove("key");
            entries.put(key.asText(), Topics.CARD_LISTS.valueSerde().deserializer().deserialize(Topics.CARD_LISTS.name(),
                    JSON.writeValueAsBytes(line)));
        }
        return new ListEntries(entries);
    }

    /** The entry of a card, or null. */
    ListEntry card(String cardId) {
        return byKey.get(ListEntry.cardKey(cardId));
    }

    /** The entry of a merchant, or null. */
    ListEntry merchant(String merchantId) {
        return byKey.get(ListEntry.merchantKey(merchantId));
    }
}

package io.cardwatch.review.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a card's live profile from the detector. The profile is the detector's own structure, which grows with
 * its rules: it is shown as it comes, the short members as facts and the whole as JSON, so that the console need
 * not change when the detector does. Any failure is a profile marked unavailable, never a failed page.
 */
@Singleton
public class CardProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(CardProfiles.class);
    /** Longer members (recent transactions, amount statistics) are in the JSON only. */
    static final int MAX_FACT_LENGTH = 120;

    private final DetectorClient detector;
    private final ObjectMapper json;

    CardProfiles(DetectorClient detector, ObjectMapper json) {
        this.detector = detector;
        this.json = json;
    }

    public CardProfileView of(String cardId) {
        String body;
        try {
            body = detector.profile(cardId).body();
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.UNAUTHORIZED) {
                LOG.warn("The detector refused the console's query token: set cardwatch.review.detector-token to "
                        + "one of the detector's cardwatch.query.tokens");
                return CardProfileView.unavailable("The detector refused the query token of the console.");
            }
            return CardProfileView.unavailable(e.getStatus() == HttpStatus.NOT_FOUND
                    ? "The detector has no profile of this card."
                    : "The detector could not answer (" + e.getStatus().getCode() + "); try again shortly.");
        } catch (HttpClientException e) {
            // Card IDs stay out of logs; the detector's address and the failure are what an operator needs.
            LOG.warn("Cannot reach the detector for a card's profile: {}", e.getMessage());
            return CardProfileView.unavailable("The detector cannot be reached right now.");
        }
        if (body == null) {
            return CardProfileView.unavailable("The detector has no profile of this card.");
        }
        try {
            return view(json.readTree(body));
        } catch (JsonProcessingException e) {
            return CardProfileView.unavailable("The detector answered something that is not a profile.");
        }
    }

    CardProfileView view(JsonNode profile) throws JsonProcessingException {
        List<CardProfileView.Fact> facts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = profile.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            String text = value.isValueNode() ? value.asText() : json.writeValueAsString(value);
            if (!value.isNull() && text.length() <= MAX_FACT_LENGTH) {
                facts.add(new CardProfileView.Fact(member.getKey(), text));
            }
        }
        return new CardProfileView(facts, json.writerWithDefaultPrettyPrinter().writeValueAsString(profile), null);
    }
}

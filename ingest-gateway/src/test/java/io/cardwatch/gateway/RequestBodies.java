package io.cardwatch.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Literal transaction bodies for tests: a valid one, and variants with one member changed or left out. */
public final class RequestBodies {

    private static final Map<String, String> VALID = valid();

    private RequestBodies() {
    }

    /** A valid transaction with the given ID, as producers send it. */
    public static String valid(String transactionId) {
        return with("transactionId", "\"" + transactionId + "\"");
    }

    /** The valid transaction with {@code member} set to the raw JSON {@code value}. */
    public static String with(String member, String rawJsonValue) {
        Map<String, String> members = new LinkedHashMap<>(VALID);
        members.put(member, rawJsonValue);
        return render(members);
    }

    /** A valid transaction with the given ID and {@code channel} set to the raw JSON {@code value}. */
    public static String withChannel(String transactionId, String rawJsonChannel) {
        Map<String, String> members = new LinkedHashMap<>(VALID);
        members.put("transactionId", "\"" + transactionId + "\"");
        members.put("channel", rawJsonChannel);
        return render(members);
    }

    /** The valid transaction without {@code member}. */
    public static String without(String member) {
        Map<String, String> members = new LinkedHashMap<>(VALID);
        members.remove(member);
        return render(members);
    }

    private static String render(Map<String, String> members) {
        return members.entrySet().stream()
                .map(member -> "\"" + member.getKey() + "\":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> valid() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("transactionId", "\"tx-1\"");
        members.put("cardId", "\"card-1\"");
        members.put("amount", "12.50");
        members.put("currency", "\"EUR\"");
        members.put("merchantId", "\"m-1\"");
        members.put("merchantCategory", "\"5411\"");
        members.put("country", "\"DE\"");
        members.put("latitude", "52.52");
        members.put("longitude", "13.405");
        members.put("eventTime", "\"2026-11-20T10:15:30Z\"");
        return members;
    }
}

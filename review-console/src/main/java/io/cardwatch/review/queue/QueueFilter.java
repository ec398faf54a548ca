package io.cardwatch.review.queue;

import io.cardwatch.events.Outcome;
import io.cardwatch.review.alert.AlertStatus;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the queue shows: the open alerts (OPEN and ESCALATED) unless one {@code status} is asked for, narrowed by
 * outcome, a reason code, a score range, a card, a merchant and a raised-at range ({@code from} inclusive,
 * {@code to} exclusive). Read from query parameters, the same for the page and the API.
 */
record QueueFilter(@Nullable AlertStatus status, @Nullable Outcome outcome, @Nullable String reason,
                   @Nullable Integer minScore, @Nullable Integer maxScore, @Nullable String cardId,
                   @Nullable String merchantId, @Nullable Instant from, @Nullable Instant to) {

    static final QueueFilter OPEN = new QueueFilter(null, null, null, null, null, null, null, null, null);

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Every parameter may be absent or empty (an empty form field): then it does not filter. */
    static QueueFilter parse(@Nullable String status, @Nullable String outcome, @Nullable String reason,
                             @Nullable String minScore, @Nullable String maxScore, @Nullable String cardId,
                             @Nullable String merchantId, @Nullable String from, @Nullable String to) {
        Integer min = score("minScore", minScore);
        Integer max = score("maxScore", maxScore);
        if (min != null && max != null && min > max) {
            throw new InvalidQueueQueryException("minScore", "is above maxScore");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidQueueQueryException("from", "is not before to");
        }
        return new QueueFilter(oneOf("status", status, AlertStatus.class), outcome(outcome),
                matching("reason", reason == null ? null : reason.trim().toUpperCase(Locale.ROOT), CODE), min, max,
                matching("cardId", cardId, ID), matching("merchantId", merchantId, ID), start, end);
    }

    /** The filter as query parameters, for links to the next page and back. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "status", status);
        put(parameters, "outcome", outcome);
        put(parameters, "reason", reason);
        put(parameters, "minScore", minScore);
        put(parameters, "maxScore", maxScore);
        put(parameters, "cardId", cardId);
        put(parameters, "merchantId", merchantId);
        put(parameters, "from", from);
        put(parameters, "to", to);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, @Nullable Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    private static Outcome outcome(@Nullable String value) {
        Outcome outcome = oneOf("outcome", value, Outcome.class);
        if (outcome == Outcome.APPROVE) {
            throw new InvalidQueueQueryException("outcome", "must be REVIEW or DECLINE: approvals raise no alert");
        }
        return outcome;
    }

    private static <E extends Enum<E>> E oneOf(String name, @Nullable String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueueQueryException(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Integer score(String name, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            int score = Integer.parseInt(value.trim());
            if (score < 0 || score > 1000) {
                throw new InvalidQueueQueryException(name, "must be between 0 and 1000");
            }
            return score;
        } catch (NumberFormatException e) {
            throw new InvalidQueueQueryException(name, "must be a whole number between 0 and 1000");
        }
    }

    /** An ISO 8601 instant ({@code 2026-11-20T10:15:30Z}); the page's date-time fields send no zone and mean UTC. */
    private static Instant instant(String name, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidQueueQueryException(name, "must be an ISO 8601 instant such as 2026-11-20T10:15:30Z");
            }
        }
    }

    private static String matching(String name, @Nullable String value, Pattern pattern) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        if (!pattern.matcher(text).matches()) {
            throw new InvalidQueueQueryException(name, "is not a valid value");
        }
        return text;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}

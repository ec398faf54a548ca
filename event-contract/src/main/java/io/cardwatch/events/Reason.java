package io.cardwatch.events;

/**
 * Why a rule contributed to a decision: a stable code for machines, the points it added, and the facts
 * behind it for people (for example {@code 7 transactions in 60 s, limit 5}).
 */
public record Reason(String code, int points, String detail) {
}

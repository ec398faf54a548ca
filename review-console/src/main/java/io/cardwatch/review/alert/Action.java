package io.cardwatch.review.alert;

import io.cardwatch.events.Label;
import io.micronaut.core.annotation.Nullable;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an analyst can do with an alert: the status it moves the alert to, the statuses it may be taken from, and
 * the verdict it publishes as a label. Confirming, marking legitimate and escalating need ANALYST, blocking the
 * card ADMIN (checked on the controllers). A verdict may be corrected (a confirmed fraud marked
 * legitimate, or the reverse): the new label replaces the old one on the compacted topic.
 */
public enum Action {
    CONFIRM_FRAUD(AlertStatus.CONFIRMED_FRAUD, Label.Verdict.FRAUD,
            EnumSet.of(AlertStatus.OPEN, AlertStatus.ESCALATED, AlertStatus.LEGITIMATE)),
    MARK_LEGITIMATE(AlertStatus.LEGITIMATE, Label.Verdict.LEGITIMATE,
            EnumSet.of(AlertStatus.OPEN, AlertStatus.ESCALATED, AlertStatus.CONFIRMED_FRAUD)),
    ESCALATE(AlertStatus.ESCALATED, null, EnumSet.of(AlertStatus.OPEN)),
    /** Puts the alert's card on the blocklist; the alert's own status does not change. */
    BLOCK_CARD(null, null, EnumSet.allOf(AlertStatus.class));

    private final AlertStatus target;
    private final Label.Verdict verdict;
    private final Set<AlertStatus> from;

    Action(@Nullable AlertStatus target, @Nullable Label.Verdict verdict, Set<AlertStatus> from) {
        this.target = target;
        this.verdict = verdict;
        this.from = from;
    }

    /** The status after the action; null when it leaves the status as it is. */
    @Nullable
    public AlertStatus target() {
        return target;
    }

    /** The label it publishes; null when it publishes none. */
    @Nullable
    public Label.Verdict verdict() {
        return verdict;
    }

    public boolean allowedFrom(AlertStatus status) {
        return from.contains(status);
    }

    /** The path segment of the page's form for it: {@code confirm-fraud}, and the id of its button. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

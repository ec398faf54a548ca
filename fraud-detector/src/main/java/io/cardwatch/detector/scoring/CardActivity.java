package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A card's transactions of the last day (plus the grace for transactions out of order), ordered by event time: the value of the
 * card-activity store. Windows are computed from event times, so a late transaction sees exactly the
 * transactions that preceded it.
 */
public record CardActivity(List<Activity> recent) {

    static final CardActivity NONE = new CardActivity(List.of());

    public CardActivity {
        recent = List.copyOf(recent);
    }

    /** The transactions in the {@code window} that ends at {@code end}, {@code end} included. */
    List<Activity> within(Duration window, Instant end) {
        Instant start = end.minus(window);
        return recent.stream()
                .filter(activity -> activity.eventTime().isAfter(start) && !activity.eventTime().isAfter(end))
                .toList();
    }

    /** The latest transaction at or before {@code time}. */
    Optional<Activity> latestAtOrBefore(Instant time) {
        return recent.stream().filter(activity -> !activity.eventTime().isAfter(time))
                .max(Comparator.comparing(Activity::eventTime));
    }

    /** This activity without what happened before {@code keepFrom}. */
    CardActivity since(Instant keepFrom) {
        if (recent.isEmpty() || !recent.get(0).eventTime().isBefore(keepFrom)) {
            return this;
        }
        return new CardActivity(recent.stream()
                .filter(activity -> !activity.eventTime().isBefore(keepFrom))
                .toList());
    }

    /**
     * This activity with everything before {@code keepFrom} dropped, {@code transaction} included unless it is
     * itself before {@code keepFrom}: then no window still scored can contain it.
     */
    CardActivity with(Transaction transaction, Instant keepFrom) {
        List<Activity> kept = new ArrayList<>(since(keepFrom).recent);
        if (!transaction.eventTime().isBefore(keepFrom)) {
            kept.add(Activity.of(transaction));
            kept.sort(Comparator.comparing(Activity::eventTime));
        }
        return new CardActivity(kept);
    }
}

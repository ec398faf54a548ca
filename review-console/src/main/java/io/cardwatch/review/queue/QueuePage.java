package io.cardwatch.review.queue;

import io.cardwatch.review.alert.Alert;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One page of the queue, in queue order.
 *
 * @param next the cursor of the following page; null on the last page
 */
public record QueuePage(List<Alert> alerts, @Nullable String next) {

    public QueuePage {
        alerts = List.copyOf(alerts);
    }
}

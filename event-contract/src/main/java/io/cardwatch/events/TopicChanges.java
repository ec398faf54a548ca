package io.cardwatch.events;

import java.util.List;

/**
 * What one {@link TopicProvisioning#apply} did to a cluster ({@code changes}), and what it left as it was
 * although the settings asked otherwise ({@code notes}), one sentence each.
 */
public record TopicChanges(List<String> changes, List<String> notes) {

    public TopicChanges {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** Whether the cluster already had every topic with these settings. */
    public boolean none() {
        return changes.isEmpty();
    }
}

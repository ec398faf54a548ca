package io.cardwatch.review.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Label;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTest {

    /** For each action, the statuses it may be taken from, in the order of {@link AlertStatus}. */
    @Test
    void allowsEachActionFromTheseStatusesOnly() {
        assertThat(from(Action.CONFIRM_FRAUD)).containsExactly("OPEN", "ESCALATED", "LEGITIMATE");
        assertThat(from(Action.MARK_LEGITIMATE)).containsExactly("OPEN", "ESCALATED", "CONFIRMED_FRAUD");
        assertThat(from(Action.ESCALATE)).containsExactly("OPEN");
        assertThat(from(Action.BLOCK_CARD)).containsExactly("OPEN", "ESCALATED", "CONFIRMED_FRAUD", "LEGITIMATE");
    }

    @Test
    void movesTheAlertAndPublishesAVerdict() {
        assertThat(List.of(Action.values())).extracting(Action::target, Action::verdict, Action::slug)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertStatus.CONFIRMED_FRAUD, Label.Verdict.FRAUD, "confirm-fraud"),
                        org.assertj.core.groups.Tuple.tuple(AlertStatus.LEGITIMATE, Label.Verdict.LEGITIMATE, "mark-legitimate"),
                        org.assertj.core.groups.Tuple.tuple(AlertStatus.ESCALATED, null, "escalate"),
                        org.assertj.core.groups.Tuple.tuple(null, null, "block-card"));
    }

    private static List<String> from(Action action) {
        return Arrays.stream(AlertStatus.values()).filter(action::allowedFrom).map(Enum::name).toList();
    }
}

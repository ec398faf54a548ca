package io.cardwatch.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardwatch.events.Outcome;
import io.cardwatch.review.alert.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueFilterTest {

    @Test
    void readsEveryFilterAndTreatsEmptyFieldsAsAbsent() {
        QueueFilter filter = QueueFilter.parse("escalated", "decline", " velocity_1m ", "300", "900", "card-1", "m-1",
                "2026-11-20T00:00:00Z", "2026-11-21T00:00");

        assertThat(filter).isEqualTo(new QueueFilter(AlertStatus.ESCALATED, Outcome.DECLINE, "VELOCITY_1M", 300, 900,
                "card-1", "m-1", Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z")));
        assertThat(QueueFilter.parse("", "", "", "", "", "", "", "", "")).isEqualTo(QueueFilter.OPEN);
        assertThat(QueueFilter.parse(null, null, null, null, null, null, null, null, null)).isEqualTo(QueueFilter.OPEN);
    }

    @Test
    void refusesWhatItCannotRead() {
        String[][] cases = {
                {"status", "CLOSED", "status must be one of [OPEN, ESCALATED, CONFIRMED_FRAUD, LEGITIMATE]"},
                {"outcome", "APPROVE", "outcome must be REVIEW or DECLINE: approvals raise no alert"},
                {"reason", "velocity-1m", "reason is not a valid value"},
                {"minScore", "1001", "minScore must be between 0 and 1000"},
                {"maxScore", "high", "maxScore must be a whole number between 0 and 1000"},
                {"cardId", "card 1", "cardId is not a valid value"},
                {"from", "yesterday", "from must be an ISO 8601 instant such as 2026-11-20T10:15:30Z"},
        };
        for (String[] bad : cases) {
            assertThatThrownBy(() -> parse(bad[0], bad[1])).as(bad[0]).hasMessage(bad[2]);
        }
        assertThatThrownBy(() -> QueueFilter.parse(null, null, null, "800", "700", null, null, null, null))
                .hasMessage("minScore is above maxScore");
        assertThatThrownBy(() -> QueueFilter.parse(null, null, null, null, null, null, null,
                "2026-11-21T00:00:00Z", "2026-11-20T00:00:00Z")).hasMessage("from is not before to");
    }

    @Test
    void writesItselfBackAsQueryParameters() {
        QueueFilter filter = QueueFilter.parse(null, "REVIEW", null, "300", null, null, "m-1", null, null);

        assertThat(filter.parameters()).containsExactly(java.util.Map.entry("outcome", "REVIEW"),
                java.util.Map.entry("minScore", "300"), java.util.Map.entry("merchantId", "m-1"));
    }

    private static QueueFilter parse(String name, String value) {
        List<String> names = List.of("status", "outcome", "reason", "minScore", "maxScore", "cardId", "merchantId",
                "from", "to");
        List<String> values = new ArrayList<>(java.util.Collections.nCopies(names.size(), (String) null));
        values.set(names.indexOf(name), value);
        return QueueFilter.parse(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
                values.get(5), values.get(6), values.get(7), values.get(8));
    }
}

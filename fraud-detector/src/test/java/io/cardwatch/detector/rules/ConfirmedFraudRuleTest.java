package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.CARD;
import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Label.Verdict;
import io.cardwatch.events.Label;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfirmedFraudRuleTest {

    private final ScoringRule rule = byDefault("CONFIRMED_FRAUD");

    @ParameterizedTest(name = "[{index}] verdicts {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # verdicts on the card, in order, VERDICT:transaction:analyst | facts
            FRAUD:tx-9:alice                     | card confirmed as fraud by alice on tx-9 (2026-11-03T10:00:00Z)
            FRAUD:tx-9:alice FRAUD:tx-9:bob      | card confirmed as fraud by bob on tx-9 (2026-11-03T10:00:00Z)
            FRAUD:tx-9:alice LEGITIMATE:tx-9:bob | -
            LEGITIMATE:tx-9:alice                | -
            -                                    | -
            """)
    void flagsACardConfirmedAsFraudUntilTheVerdictIsLifted(String verdicts, String facts) {
        // given: verdicts on a transaction of 2026-11-03T10:00:00Z, given an hour apart from 14:00
        CardProfile profile = CardProfile.empty(CARD);
        if (verdicts != null) {
            Instant labelledAt = Instant.parse("2026-11-03T14:00:00Z");
            for (String verdict : verdicts.split(" ")) {
                String[] parts = verdict.split(":");
                profile = profile.withLabel(new Label(parts[1], CARD, Verdict.valueOf(parts[0]), parts[2],
                        Instant.parse("2026-11-03T10:00:00Z"), labelledAt));
                labelledAt = labelledAt.plusSeconds(3600);
            }
        }
        Transaction transaction = purchase().on(Instant.parse("2026-11-04T12:00:00Z")).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }
}

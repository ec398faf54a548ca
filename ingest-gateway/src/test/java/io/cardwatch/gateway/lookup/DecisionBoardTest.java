package io.cardwatch.gateway.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Decision;
import io.opentelemetry.api.metrics.MeterProvider;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a lookup is answered: decisions in the window, for the producer that posted them, waiting within limits. */
class DecisionBoardTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration LONG_WAIT = Duration.ofMinutes(5);

    /** A window of 3 decisions and at most 2 waiting lookups. */
    private final DecisionBoard board = new DecisionBoard(new LookupConfiguration(3, Duration.ofSeconds(10), 2),
            MeterProvider.noop().get("test"));

    @ParameterizedTest(name = "posted by {0}, asked by {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "acme | acme   | found",
            "acme | globex | not decided",
            "none | acme   | not decided"})
    void answersADecisionOnlyToTheProducerThatPostedItsTransaction(String postedBy, String askedBy, String answer) {
        // given
        board.post(LookupTest.decision("tx-1"), postedBy);

        // when
        Optional<Decision> found = board.await("tx-1", askedBy, NO_WAIT).join();

        // then
        assertThat(found.map(decision -> "found").orElse("not decided")).isEqualTo(answer);
    }

    @Test
    void keepsTheLastDecisionsPostedHoweverOftenTheOldestIsLookedUp() {
        // given a window of 3, the first decision looked up before each later one is posted
        for (String transactionId : new String[] {"tx-1", "tx-2", "tx-3", "tx-4"}) {
            board.post(LookupTest.decision(transactionId), "acme");
            board.await("tx-1", "acme", NO_WAIT).join();
        }

        // when
        Stream<String> kept = Stream.of("tx-1", "tx-2", "tx-3", "tx-4")
                .filter(transactionId -> board.await(transactionId, "acme", NO_WAIT).join().isPresent());

        // then
        assertThat(kept).containsExactly("tx-2", "tx-3", "tx-4");
    }

    @Test
    void completesTheLookupsWaitingForADecisionWhenItIsPosted() {
        // given
        CompletableFuture<Optional<Decision>> first = board.await("tx-1", "acme", LONG_WAIT);
        CompletableFuture<Optional<Decision>> second = board.await("tx-1", "acme", LONG_WAIT);
        assertThat(first).isNotDone();

        // when
        board.post(LookupTest.decision("tx-1"), "acme");

        // then
        assertThat(first.join()).hasValueSatisfying(decision -> assertThat(decision.transactionId()).isEqualTo("tx-1"));
        assertThat(second.join()).isPresent();
        assertThat(board.waitingLookups()).isZero();
    }

    @Test
    void answersALookupBeyondTheWaiterLimitAtOnce() {
        // given the 2 lookups that may wait
        board.await("tx-1", "acme", LONG_WAIT);
        board.await("tx-2", "acme", LONG_WAIT);

        // when
        CompletableFuture<Optional<Decision>> third = board.await("tx-3", "acme", LONG_WAIT);

        // then
        assertThat(third).isCompletedWithValue(Optional.empty());
        assertThat(board.waitingLookups()).isEqualTo(2);
    }

    @Test
    void answersAnotherProducersDecisionAsNoneOnceTheWaitEnds() throws Exception {
        // given globex waits for acme's transaction
        CompletableFuture<Optional<Decision>> globex = board.await("tx-1", "globex", Duration.ofSeconds(2));

        // when
        board.post(LookupTest.decision("tx-1"), "acme");

        // then: not at once, which would tell globex that the transaction exists, but when its wait ends
        assertThat(globex).isNotDone();
        assertThat(globex.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void givesUpAWaitThatEndsWithoutADecisionAndFreesItsPlace() throws Exception {
        // given
        CompletableFuture<Optional<Decision>> waiting = board.await("tx-1", "acme", Duration.ofMillis(50));

        // when
        Optional<Decision> answer = waiting.get(10, TimeUnit.SECONDS);

        // then
        assertThat(answer).isEmpty();
        assertThat(board.waitingLookups()).isZero();
    }
}

package io.cardwatch.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A producer's rate and burst as configured, and the Retry-After it is told when over them. */
class RateLimitsTest {

    private final ManualClock clock = new ManualClock();
    private final RateLimits limits = new RateLimits(clock);

    /** Each request is made at its time (ms from the first); each answer is "ok" or the Retry-After in seconds. */
    @ParameterizedTest(name = "{0}/s, burst {1}: at {2} ms -> {3}")
    @CsvSource(delimiter = '|', value = {
            // the burst at once, then the next token one period later
            "1     | 2 | 0 0 0                   | ok ok 1",
            "1     | 2 | 0 0 0 999 1000          | ok ok 1 1 ok",
            // a slow producer: one token per 1000 s, minus the time already waited
            "0.001 | 2 | 0 0 0                   | ok ok 1000",
            "0.001 | 2 | 0 0 100000              | ok ok 900",
            // a wait under a second is still one whole second
            "10    | 1 | 0 0 100                 | ok 1 ok",
            // a refused request takes nothing from the allowance
            "2     | 1 | 0 400 500               | ok 1 ok",
            // an idle producer saves up to its burst, not beyond
            "1     | 2 | 0 0 10000 10000 10000   | ok ok ok ok 1",
            "1000  | 3 | 0 0 0 0 1               | ok ok ok 1 ok"})
    void admitsTheBurstThenOneRequestPerPeriod(double requestsPerSecond, int burst, String millis, String answers) {
        // given
        List<String> answered = new ArrayList<>();

        // when
        for (String at : millis.split(" ")) {
            clock.at(Long.parseLong(at));
            OptionalLong retryAfter = limits.take("acquirer", requestsPerSecond, burst);
            answered.add(retryAfter.isPresent() ? Long.toString(retryAfter.getAsLong()) : "ok");
        }

        // then
        assertThat(answered).isEqualTo(Arrays.asList(answers.split(" ")));
    }

    @Test
    void aProducerOverItsRateLeavesTheOthersTheirOwn() {
        // given
        limits.take("throttled", 0.001, 1);

        // when
        OptionalLong throttled = limits.take("throttled", 0.001, 1);
        OptionalLong other = limits.take("acquirer", 0.001, 1);

        // then
        assertThat(throttled).hasValue(1000);
        assertThat(other).isEmpty();
    }

    /** Time that moves only when the test says. */
    private static final class ManualClock implements TimeMeter {

        private long nanos;

        void at(long millis) {
            nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}

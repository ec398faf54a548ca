package io.cardwatch.detector.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamThreadFailuresTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest(name = "{0} replacements in 10 min, failures at minutes {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            3 | 0                 | REPLACE_THREAD
            3 | 0 1 2             | REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD
            3 | 0 1 2 3           | REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD SHUTDOWN_CLIENT
            3 | 0 1 2 9           | REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD SHUTDOWN_CLIENT
            3 | 0 1 2 10          | REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD
            3 | 0 5 11 12 13      | REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD SHUTDOWN_CLIENT
            3 | 0 20 40 60 80 100 | REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD REPLACE_THREAD
            1 | 0 3               | REPLACE_THREAD SHUTDOWN_CLIENT
            0 | 0                 | SHUTDOWN_CLIENT
            """)
    void replacesFailedThreadsUntilTooManyFailWithinTheWindow(int replacements, String minutes, String expected) {
        // given
        var failures = new StreamThreadFailures(replacements, Duration.ofMinutes(10), Clock.systemUTC());

        // when
        List<StreamThreadExceptionResponse> responses = Arrays.stream(minutes.split(" "))
                .map(minute -> failures.respondAt(START.plus(Duration.ofMinutes(Long.parseLong(minute)))))
                .toList();

        // then
        assertThat(responses).isEqualTo(Arrays.stream(expected.split(" "))
                .map(StreamThreadExceptionResponse::valueOf).toList());
    }

    @Test
    void handlingAnExceptionCountsItAtTheClocksTime() {
        // given
        var failures = new StreamThreadFailures(1, Duration.ofMinutes(10), Clock.fixed(START, ZoneOffset.UTC));
        var failure = new IllegalStateException("broken record");

        // when
        var first = failures.handle(failure);
        var second = failures.handle(failure);

        // then
        assertThat(List.of(first, second)).containsExactly(REPLACE_THREAD, SHUTDOWN_CLIENT);
    }
}

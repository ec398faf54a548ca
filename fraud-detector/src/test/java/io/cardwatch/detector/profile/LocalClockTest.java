package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalClockTest {

    @ParameterizedTest(name = "[{index}] {0} at longitude {1}: hour {2}, weekday {3}, day {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # instant              | longitude | local hour | weekday (0 Monday) | local day (days since 1970-01-01)
            # 2026-11-10 is a Tuesday, day 20767
            2026-11-10T12:00:00Z   | 0         | 12 | 1 | 20767
            # Berlin: UTC + 53 min 37 s
            2026-11-10T12:00:00Z   | 13.405    | 12 | 1 | 20767
            2026-11-10T23:06:22Z   | 13.405    | 23 | 1 | 20767
            2026-11-10T23:06:23Z   | 13.405    | 0  | 2 | 20768
            # Tokyo: UTC + 9 h 18 min 46 s, so local midnight is at 14:41:14 UTC
            2026-11-10T14:41:13Z   | 139.6917  | 23 | 1 | 20767
            2026-11-10T14:41:14Z   | 139.6917  | 0  | 2 | 20768
            # New York: UTC - 4 h 56 min 1 s, still Monday evening
            2026-11-10T03:00:00Z   | -74.006   | 22 | 0 | 20766
            2026-11-10T00:00:00Z   | 180       | 12 | 1 | 20767
            2026-11-10T00:00:00Z   | -180      | 12 | 0 | 20766
            # the offset is rounded to the second: 0.0042 degrees is 1.008 s
            2026-11-10T11:59:59Z   | 0.0042    | 12 | 1 | 20767
            2026-11-10T11:59:59Z   | 0.002     | 11 | 1 | 20767
            2026-11-10T11:59:59Z   | -0.0042   | 11 | 1 | 20767
            2026-11-15T12:00:00Z   | 0         | 12 | 6 | 20772
            2026-11-16T00:00:00Z   | 0         | 0  | 0 | 20773
            # the epoch was a Thursday; before it, days and hours count down, not towards zero
            1970-01-01T00:00:00Z   | 0         | 0  | 3 | 0
            1969-12-31T23:59:59Z   | 0         | 23 | 2 | -1
            """)
    void tellsTheLocalSolarTimeFromTheLongitude(Instant time, double longitude, int hour, int weekday, long day) {
        assertThat(LocalClock.hour(time, longitude)).isEqualTo(hour);
        assertThat(LocalClock.weekday(time, longitude)).isEqualTo(weekday);
        assertThat(LocalClock.day(time, longitude)).isEqualTo(day);
    }
}

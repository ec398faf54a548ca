package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecayingStatsTest {

    @ParameterizedTest(name = "[{index}] {0}: weight {1}, mean {2}, standard deviation {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # values in order, xF scales the weight of everything before by F | weight | mean | standard deviation
            -                 | 0   | 0.0                | 0.0
            7                 | 1   | 7.0                | 0.0
            1 3               | 2   | 2.0                | 1.0
            2 4 4 4 5 5 7 9   | 8   | 5.0                | 2.0
            -3 -1 -1 1        | 4   | -1.0               | 1.4142135623730951
            # fading changes neither mean nor spread, only how much the next value moves them
            2 4 4 4 5 5 7 9 x0.5 | 4 | 5.0                | 2.0
            10 x0.5 20        | 1.5 | 16.666666666666668 | 4.714045207910316
            10 x0.25 20 x0.5 30 | 1.625 | 25.384615384615383 | 6.34323942402717
            # too little weight for a spread
            1 3 x0.25         | 0.5 | 2.0                | 0.0
            """)
    void hasTheWeightedMeanAndStandardDeviationOfItsValues(String values, double weight, double mean,
                                                           double standardDeviation) {
        // given
        DecayingStats stats = DecayingStats.NONE;

        // when
        if (values != null) {
            for (String value : values.split(" ")) {
                stats = value.startsWith("x") ? stats.decayed(Double.parseDouble(value.substring(1)))
                        : stats.with(Double.parseDouble(value));
            }
        }

        // then
        assertThat(stats.weight()).isEqualTo(weight);
        assertThat(stats.mean()).isCloseTo(mean, within(1e-12));
        assertThat(stats.standardDeviation()).isCloseTo(standardDeviation, within(1e-12));
    }
}

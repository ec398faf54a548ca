package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyHabitTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # transactions: local day, currency, amount[, decay since the one before, applied once it is folded in] |
            # current day: day, count, spend, currency | usual day: weight, mean count, weight, mean spend
            100 EUR 50                               | 100 | 1 | 50.0 | EUR | 0   | 0.0 | 0   | 0.0
            100 EUR 50; 100 EUR 30                   | 100 | 2 | 80.0 | EUR | 0   | 0.0 | 0   | 0.0
            # a new day folds the day before into the usual day
            100 EUR 50; 100 EUR 30; 101 EUR 20       | 101 | 1 | 20.0 | EUR | 1   | 2.0 | 1   | 80.0
            100 EUR 40; 101 EUR 60; 102 EUR 10       | 102 | 1 | 10.0 | EUR | 2   | 1.0 | 2   | 50.0
            # days without transactions are not days of the habit
            100 EUR 50; 105 EUR 20                   | 105 | 1 | 20.0 | EUR | 1   | 1.0 | 1   | 50.0
            # a late transaction of a day already folded changes nothing
            100 EUR 50; 101 EUR 20; 100 EUR 30       | 101 | 1 | 20.0 | EUR | 1   | 1.0 | 1   | 50.0
            # spend is counted in the card's first currency, every transaction in the count
            100 EUR 50; 100 USD 30                   | 100 | 2 | 50.0 | EUR | 0   | 0.0 | 0   | 0.0
            100 USD 30; 100 EUR 50                   | 100 | 2 | 30.0 | USD | 0   | 0.0 | 0   | 0.0
            100 EUR 50; 101 USD 30                   | 101 | 1 | 0.0  | EUR | 1   | 1.0 | 1   | 50.0
            # the day that ends is folded in first, then faded with the rest, as CardProfile does: 40, folded two
            # decays ago, weighs a quarter and 60, folded one decay ago, a half, a mean of 53.33 over 0.75 days
            100 EUR 40; 101 EUR 60 0.5; 102 EUR 10 0.5 | 102 | 1 | 10.0 | EUR | 0.75 | 1.0 | 0.75 | 53.333333333333336
            """)
    void keepsTheCurrentDayAndFoldsPastDaysIntoTheUsualOne(String transactions, long day, int count, double spend,
                                                           String currency, double countsWeight, double meanCount,
                                                           double spendsWeight, double meanSpend) {
        // when
        DailyHabit habit = habit(transactions);

        // then
        assertThat(habit.day()).isEqualTo(day);
        assertThat(habit.count()).isEqualTo(count);
        assertThat(habit.spend()).isEqualTo(spend);
        assertThat(habit.currency()).isEqualTo(currency);
        assertThat(habit.counts().weight()).isEqualTo(countsWeight);
        assertThat(habit.counts().mean()).isEqualTo(meanCount);
        assertThat(habit.spends().weight()).isEqualTo(spendsWeight);
        assertThat(habit.spends().mean()).isCloseTo(meanSpend, within(1e-12));
    }

    @ParameterizedTest(name = "[{index}] {0}, day {1} so far: {2} transactions, {3} spent")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            100 EUR 50; 100 EUR 30 | 100 | 2 | 80.0
            100 EUR 50; 100 EUR 30 | 101 | 0 | 0.0
            100 EUR 50; 100 EUR 30 | 99  | 0 | 0.0
            -                      | 100 | 0 | 0.0
            """)
    void tellsWhatADayHasHadSoFar(String transactions, long day, int count, double spend) {
        // given
        DailyHabit habit = transactions == null ? DailyHabit.NONE : habit(transactions);

        // when
        DailyHabit.SoFar soFar = habit.soFar(day);

        // then
        assertThat(soFar.count()).isEqualTo(count);
        assertThat(soFar.spend()).isEqualTo(spend);
    }

    @Test
    void fadingWeighsThePastDaysLessButLeavesTheDaySoFar() {
        // given: day 100 folded, day 101 so far 2 transactions and 80.0
        DailyHabit habit = habit("100 EUR 50; 101 EUR 50; 101 EUR 30");

        // when
        DailyHabit faded = habit.decayed(0.25);

        // then
        assertThat(faded.day()).isEqualTo(101);
        assertThat(faded.count()).isEqualTo(2);
        assertThat(faded.spend()).isEqualTo(80.0);
        assertThat(faded.counts().weight()).isEqualTo(0.25);
        assertThat(faded.counts().mean()).isEqualTo(1.0);
        assertThat(faded.spends().weight()).isEqualTo(0.25);
        assertThat(faded.spends().mean()).isEqualTo(50.0);
        assertThat(habit.decayed(1)).isSameAs(habit);
    }

    private static DailyHabit habit(String transactions) {
        DailyHabit habit = DailyHabit.NONE;
        for (String transaction : transactions.split(";")) {
            String[] fields = transaction.trim().split("\\s+");
            double decay = fields.length > 3 ? Double.parseDouble(fields[3]) : 1;
            habit = habit.with(Long.parseLong(fields[0]), fields[1], Double.parseDouble(fields[2])).decayed(decay);
        }
        return habit;
    }
}

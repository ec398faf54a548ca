package io.cardwatch.detector.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest command end to end, on a foreign layout read through its mapping, as a fraud team runs it. */
class BacktestMainTest {

    private static final Path PROPOSED = Path.of("src/test/resources/backtest/proposed-rules.json");

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void measuresTheLiveAndAProposedRuleSetOnAForeignHistoryAndWritesTheDecisions() throws IOException {
        Path decisions = work.resolve("decisions.csv");

        int exitCode = run("--history", HistoryReaderTest.SPARKOV.toString(),
                "--mapping", HistoryReaderTest.SPARKOV_MAPPING.toString(), "--compare", PROPOSED.toString(),
                "--decisions", decisions.toString(), "--thresholds", "300,400");

        assertThat(exitCode).as(err.toString()).isZero();
        // Times and rates vary from run to run; everything else is exact.
        assertThat(out.toString().replaceAll("in [0-9.]+ s \\([^)]*\\)", "in <time>")
                .replaceAll("(?m)%( +)[0-9]+$", "%  <rate>")).isEqualTo("""
                Read src/test/resources/backtest/sparkov-sample.csv: 19 transactions, 2 rows skipped as unreadable
                  skipped line 14: amount '12,50' is not a positive amount
                  skipped line 22: eventTime '2019-01-32 10:00:00' is not a time in format yyyy-MM-dd HH:mm:ss
                Rule set live: version 1, review from 300, decline from 700
                  scored 19 transactions in <time>; 0 duplicates, 0 refused as too old (TOO_OLD)
                Rule set proposed: version 2019-01-proposed, review from 350, decline from 700, weights {LARGE_AMOUNT=300, PROBING=350}
                  scored 19 transactions in <time>; 0 duplicates, 0 refused as too old (TOO_OLD)

                Overall                        live  proposed
                ---------------------------  ------  --------
                Transactions                     19        19
                Fraud                             6         6
                Flagged (review or decline)       6         5
                True alerts                       5         5
                False alerts                      1         0
                Precision                    83.33%   100.00%
                Recall                       83.33%    83.33%
                F1                           83.33%    90.91%
                Alert rate                   31.58%    26.32%
                False-positive rate           7.69%     0.00%
                Declined                          0         0
                True declines                     0         0
                False declines                    0         0
                Decline precision               n/a       n/a
                Decline recall                0.00%     0.00%

                Reason                    Alerts (live)  True (live)  False (live)  Precision (live)  Alerts (proposed)  True (proposed)  False (proposed)  Precision (proposed)
                ------------------------  -------------  -----------  ------------  ----------------  -----------------  ---------------  ----------------  --------------------
                FOLLOWS_ALERT                         3            3             0           100.00%                  3                3                 0               100.00%
                DAILY_SPEND                           2            2             0           100.00%                  2                2                 0               100.00%
                NEW_MERCHANT_HIGH_AMOUNT              2            2             0           100.00%                  2                2                 0               100.00%
                PROBING                               2            2             0           100.00%                  2                2                 0               100.00%
                CARD_TESTING                          1            1             0           100.00%                  1                1                 0               100.00%
                LARGE_AMOUNT                          1            0             1             0.00%                  0                0                 0                   n/a
                VELOCITY_10M                          1            1             0           100.00%                  1                1                 0               100.00%

                Review threshold sweep of rule set live (* its own threshold):
                Review from  Decline from  Precision  Recall      F1  False-positive rate  Alert rate  Scored per second
                -----------  ------------  ---------  ------  ------  -------------------  ----------  -----------------
                300 *                 700     83.33%  83.33%  83.33%                7.69%      31.58%  <rate>
                400                   700     75.00%  50.00%  60.00%                7.69%      21.05%  <rate>

                Wrote 19 decisions to DECISIONS
                """.replace("DECISIONS", decisions.toString()));
        assertThat(Files.readAllLines(decisions, StandardCharsets.UTF_8)).containsExactly(
                "transactionId,cardId,eventTime,fraud,outcome,score,reasons",
                "0b242abb623afc578575680df30655b9,2703186189652095,2019-01-01T09:12:18Z,false,APPROVE,0,",
                "a1a22d70485983eac12b5b88dad1cf95,38859492057661,2019-01-01T14:22:09Z,false,APPROVE,0,",
                "1f76529f8574734946361c461b024d99,2703186189652095,2019-01-01T18:40:02Z,false,APPROVE,0,",
                "6b849c168bdad6f867558c3793159a81,2703186189652095,2019-01-02T08:55:31Z,false,APPROVE,0,",
                "a41d7549acf90789359a9aa5346dcb46,38859492057661,2019-01-02T11:03:37Z,false,APPROVE,0,",
                "189a841a0a8ba03058526bcfe566aab5,630423337322,2019-01-02T12:01:44Z,false,APPROVE,0,",
                "8be473af4f05fc6146ea55ace73e7ca2,2703186189652095,2019-01-02T19:20:45Z,false,APPROVE,0,",
                "71a1da150d1ce510193d7622e08e784e,2703186189652095,2019-01-03T10:05:12Z,false,APPROVE,0,",
                "a3806e984cec6ac0096d8184c64ad3a1,38859492057661,2019-01-03T15:47:52Z,false,REVIEW,400,LARGE_AMOUNT",
                "2b4c9fcd9c36d16e3da3b3b8e4a0c5c8,630423337322,2019-01-03T17:45:10Z,false,APPROVE,0,",
                "d1ac8b0e5fe0cc4e4f4b4da2e5ec97b0,38859492057661,2019-01-04T10:15:00Z,false,APPROVE,0,",
                "c3f3e3a1b9a4e1a5c7a77b1ee5d3b8a2,2703186189652095,2019-01-04T12:30:00Z,false,APPROVE,0,",
                "e8a81877ae9a0a7f883e15cb39dc4022,2703186189652095,2019-01-04T23:10:05Z,true,REVIEW,450,"
                        + "NEW_MERCHANT_HIGH_AMOUNT|DAILY_SPEND",
                "f1bd5e1a0dcd2bbe5c8dbc1e25c9b4f0,2703186189652095,2019-01-04T23:31:40Z,true,REVIEW,548,"
                        + "NEW_MERCHANT_HIGH_AMOUNT|DAILY_SPEND|FOLLOWS_ALERT",
                "7c9e1c9a4bd3a1f0e2e8b6d5c4a3b2a1,630423337322,2019-01-05T02:14:05Z,true,APPROVE,0,",
                "8d0f2d0b5ce4b2a1f3f9c7e6d5b4c3b2,630423337322,2019-01-05T02:15:31Z,true,REVIEW,300,PROBING",
                "9e1a3e1c6df5c3b2a4a0d8f7e6c5d4c3,630423337322,2019-01-05T02:16:58Z,true,REVIEW,400,"
                        + "PROBING|FOLLOWS_ALERT",
                "af2b4f2d7e06d4c3b5b1e9a8f7d6e5d4,630423337322,2019-01-05T02:19:20Z,true,REVIEW,650,"
                        + "VELOCITY_10M|CARD_TESTING|FOLLOWS_ALERT",
                "b03c5a3e8f17e5d4c6c2fab9a8e7f6e5,2703186189652095,2019-01-05T09:02:11Z,false,APPROVE,0,");
    }

    @Test
    void printsTheRecallOfEachScenarioTheHistoryNames() throws IOException {
        Path history = work.resolve("simulated.csv");
        Files.writeString(history, """
                transactionId,cardId,amount,currency,merchantId,merchantCategory,country,latitude,longitude,eventTime,channel,fraud,scenario,episode
                sim-1-1,card-1,12.50,EUR,m-1,5411,DE,52.52,13.405,2026-11-22T10:00:00Z,CARD_PRESENT,false,LEGITIMATE,0
                sim-1-2,card-2,7500.00,EUR,m-2,5944,DE,52.52,13.405,2026-11-22T10:01:00Z,CARD_PRESENT,true,AMOUNT_SPIKE,1
                sim-1-3,card-3,40.00,EUR,m-3,5732,DE,52.52,13.405,2026-11-22T10:02:00Z,ECOMMERCE,true,STOLEN_CARD_SPREE,2
                """, StandardCharsets.UTF_8);

        int exitCode = run("--history", history.toString(), "--thresholds", "300");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("""
                Scenario           Fraud  Flagged  Declined   Recall
                -----------------  -----  -------  --------  -------
                AMOUNT_SPIKE           1        1         0  100.00%
                STOLEN_CARD_SPREE      1        0         0    0.00%
                """);
    }

    @Test
    void refusesARuleSetTheDetectorWouldRefuse() throws IOException {
        Path rules = work.resolve("bad-rules.json");
        Files.writeString(rules, "{\"version\": \"2\", \"reviewFrom\": 700, \"declineFrom\": 300, "
                + "\"weights\": {\"NO_SUCH_RULE\": 10}}", StandardCharsets.UTF_8);

        int exitCode = run("--history", HistoryReaderTest.SPARKOV.toString(),
                "--mapping", HistoryReaderTest.SPARKOV_MAPPING.toString(), "--rules", rules.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("backtest: Rule set " + rules + " would be refused by the detector: "
                + "thresholds must satisfy 1 <= reviewFrom < declineFrom <= 1000, were 700 and 300; "
                + "unknown rules [NO_SUCH_RULE]" + System.lineSeparator());
    }

    @Test
    void refusesAThresholdSweepBeyondTheScale() {
        int exitCode = run("--history", HistoryReaderTest.SPARKOV.toString(),
                "--mapping", HistoryReaderTest.SPARKOV_MAPPING.toString(), "--thresholds", "300,1000");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("backtest: The live rule set reviewing from 1000 would be refused by the "
                + "detector: thresholds must satisfy 1 <= reviewFrom < declineFrom <= 1000, were 1000 and 1001"
                + System.lineSeparator());
    }

    @Test
    void requiresAHistory() {
        int exitCode = run("--decisions", "decisions.csv");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required option: '--history=FILE'");
    }

    private int run(String... args) {
        return BacktestMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}

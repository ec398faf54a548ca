package io.cardwatch.gateway.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Outcome;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gauges behind the lookup-waiters alert: lookups waiting now, beside the most that may wait. */
class DecisionBoardMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();
    private final DecisionBoard board = new DecisionBoard(new LookupConfiguration(100, WAIT, 5),
            meters.get("io.cardwatch.gateway"));

    @AfterEach
    void closeMeters() {
        meters.close();
    }

    @Test
    void countsTheLookupsWaitingForADecisionBesideTheirLimit() {
        // given two lookups waiting for tx-1 and one for tx-2
        board.await("tx-1", "producer-a", WAIT);
        board.await("tx-1", "producer-a", WAIT);
        board.await("tx-2", "producer-a", WAIT);
        assertThat(gauges()).isEqualTo(Map.of("cardwatch.lookup.waiters", 3L, "cardwatch.lookup.waiters.limit", 5L));

        // when tx-1 is decided
        board.post(decision("tx-1"), "producer-a");

        // then
        assertThat(gauges()).isEqualTo(Map.of("cardwatch.lookup.waiters", 1L, "cardwatch.lookup.waiters.limit", 5L));
    }

    private Map<String, Long> gauges() {
        return reader.collectAllMetrics().stream().collect(Collectors.toMap(MetricData::getName,
                metric -> metric.getLongGaugeData().getPoints().iterator().next().getValue()));
    }

    private static Decision decision(String transactionId) {
        return new Decision(transactionId, "card-1", Outcome.APPROVE, 0, List.of(), new BigDecimal("12.50"), "EUR",
                "m-1", Instant.parse("2026-11-20T10:15:30Z"), Instant.parse("2026-11-20T10:15:30.020Z"), "1", "5411",
                "DE", 52.52, 13.405, null);
    }
}

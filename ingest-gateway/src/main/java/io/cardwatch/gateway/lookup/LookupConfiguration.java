package io.cardwatch.gateway.lookup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Bounds of the decision lookup ({@code cardwatch.lookup.*}, documented in docs/configuration.md).
 *
 * @param recentDecisions how many decisions each instance keeps for lookups: the lookup window
 * @param maxWait         the longest {@code waitMs} honoured
 * @param maxWaiters      most lookups waiting at once; beyond it a lookup answers at once
 */
@ConfigurationProperties("cardwatch.lookup")
record LookupConfiguration(
        @Bindable(defaultValue = "100000") int recentDecisions,
        @Bindable(defaultValue = "10s") Duration maxWait,
        @Bindable(defaultValue = "10000") int maxWaiters) {
}

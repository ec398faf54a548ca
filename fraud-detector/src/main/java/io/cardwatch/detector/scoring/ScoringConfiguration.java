package io.cardwatch.detector.scoring;

import io.cardwatch.detector.rules.RuleParameters;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;

/**
 * The rule set used until one is published on {@code fraud-rules}, and how the topology treats transactions
 * around the rules, under {@code cardwatch.scoring} (see docs/configuration.md). The rules' own parameters, under
 * the same prefix, are {@link RuleParameters}.
 */
@ConfigurationProperties("cardwatch.scoring")
record ScoringConfiguration(
        @Bindable(defaultValue = "300") int reviewFrom,
        @Bindable(defaultValue = "700") int declineFrom,
        @Bindable(defaultValue = "1") @NotBlank String rulesVersion,
        @Bindable(defaultValue = "P7D") @NotNull Duration dedupHorizon,
        @Bindable(defaultValue = "P7D") @NotNull Duration maxAge,
        @Bindable(defaultValue = "PT1H") @NotNull Duration grace,
        @Bindable(defaultValue = "P30D") @NotNull Duration habitHalfLife,
        @Nullable Set<String> skipMerchants,
        @Nullable Set<String> skipCardPrefixes) {

    ScoringConfiguration {
        skipMerchants = skipMerchants == null ? Set.of() : skipMerchants;
        skipCardPrefixes = skipCardPrefixes == null ? Set.of() : skipCardPrefixes;
    }
}

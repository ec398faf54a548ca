package io.cardwatch.review;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The console's own settings ({@code cardwatch.review.*}, documented in docs/configuration.md). The detector's
 * address, {@code cardwatch.review.detector-url}, is read by the profile client itself.
 *
 * @param rolesClaim   the claim of an OpenID Connect token that lists the user's roles or groups, for example
 *                     {@code cognito:groups}; the console's own tokens always carry {@code roles}
 * @param pageSize     alerts on one page of the queue
 * @param historyLimit the card's most recent decisions shown on an alert's page
 * @param overviewDays how many days back the overview counts alerts and resolutions
 */
@ConfigurationProperties("cardwatch.review")
public record ReviewConfiguration(
        @Bindable(defaultValue = "roles") @NotBlank String rolesClaim,
        @Bindable(defaultValue = "50") @Min(1) @Max(500) int pageSize,
        @Bindable(defaultValue = "50") @Min(1) @Max(1000) int historyLimit,
        @Bindable(defaultValue = "14") @Min(1) @Max(366) int overviewDays) {
}

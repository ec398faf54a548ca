package io.cardwatch.detector.scoring;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** Thresholds and rule parameters, under {@code cardwatch.scoring} (see docs/configuration.md). */
@ConfigurationProperties("cardwatch.scoring")
final class ScoringConfiguration {

    @Min(1) @Max(Scorer.MAX_SCORE)
    private int reviewFrom = 300;
    @Min(1) @Max(Scorer.MAX_SCORE)
    private int declineFrom = 700;
    @NotBlank
    private String rulesVersion = "1";
    @NotNull @Positive
    private BigDecimal largeAmountLimit = new BigDecimal("5000");
    @Min(0) @Max(Scorer.MAX_SCORE)
    private int largeAmountPoints = 400;

    public int getReviewFrom() {
        return reviewFrom;
    }

    public void setReviewFrom(int reviewFrom) {
        this.reviewFrom = reviewFrom;
    }

    public int getDeclineFrom() {
        return declineFrom;
    }

    public void setDeclineFrom(int declineFrom) {
        this.declineFrom = declineFrom;
    }

    public String getRulesVersion() {
        return rulesVersion;
    }

    public void setRulesVersion(String rulesVersion) {
        this.rulesVersion = rulesVersion;
    }

    public BigDecimal getLargeAmountLimit() {
        return largeAmountLimit;
    }

    public void setLargeAmountLimit(BigDecimal largeAmountLimit) {
        this.largeAmountLimit = largeAmountLimit;
    }

    public int getLargeAmountPoints() {
        return largeAmountPoints;
    }

    public void setLargeAmountPoints(int largeAmountPoints) {
        this.largeAmountPoints = largeAmountPoints;
    }
}

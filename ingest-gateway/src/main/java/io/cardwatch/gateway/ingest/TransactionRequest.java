package io.cardwatch.gateway.ingest;

import io.cardwatch.events.Transaction;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** A card transaction as a producer posts it; validated before anything is published. */
@Introspected
record TransactionRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String transactionId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String cardId,
        @NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotBlank @Size(max = 64) String merchantId,
        @NotNull @Pattern(regexp = "[0-9]{4}") String merchantCategory,
        @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
        @NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double latitude,
        @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double longitude,
        @NotNull Instant eventTime) {

    Transaction toEvent() {
        return new Transaction(transactionId, cardId, amount, currency, merchantId, merchantCategory, country,
                latitude, longitude, eventTime);
    }
}

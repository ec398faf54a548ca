package io.cardwatch.gateway.ingest;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** A card transaction as a producer posts it; validated before anything is published. */
@Introspected
@AmountFitsCurrency
record TransactionRequest(
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = ID) String transactionId,
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = ID) String cardId,
        @NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal amount,
        @NotNull @IsoCurrency String currency,
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = ID) String merchantId,
        @NotNull @Pattern(regexp = "[0-9]{4}") String merchantCategory,
        @NotNull @IsoCountry String country,
        @NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double latitude,
        @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double longitude,
        @NotNull @NotFarInFuture Instant eventTime,
        // Optional. Read as a string, not as the enum, so that a name outside the contract is a validation
        // error on #/channel like an unknown currency, and a number is refused instead of taken as an ordinal.
        @Schema(description = "How the card took part, after the ISO 8583 point-of-service condition. "
                + "Optional: absent or null means unknown", nullable = true,
                allowableValues = {"CARD_PRESENT", "ECOMMERCE", "ATM", "MAIL_PHONE"})
        @KnownChannel String channel) {

    /** Printable ASCII only: IDs end up in logs, keys and SQL, where look-alike unicode causes grief. */
    static final String ID = "[A-Za-z0-9._:-]+";

    Transaction toEvent() {
        return new Transaction(transactionId, cardId, amount, currency, merchantId, merchantCategory, country,
                latitude, longitude, eventTime, channel == null ? null : Channel.valueOf(channel));
    }
}

package io.cardwatch.gateway.ingest;

import io.cardwatch.events.Channel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The validators of the transaction constraints that Bean Validation does not ship. */
@Factory
class TransactionConstraints {

    /** Minor units assumed for codes without any (precious metals, funds), as the event amount allows. */
    private static final int MAX_DECIMALS = 4;

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private static final Set<String> CHANNELS = Stream.of(Channel.values()).map(Channel::name)
            .collect(Collectors.toUnmodifiableSet());

    @Singleton
    ConstraintValidator<IsoCurrency, String> isoCurrency() {
        return (code, annotation, context) -> code == null || CURRENCIES.contains(code);
    }

    @Singleton
    ConstraintValidator<IsoCountry, String> isoCountry() {
        return (code, annotation, context) -> code == null || COUNTRIES.contains(code);
    }

    @Singleton
    ConstraintValidator<KnownChannel, String> knownChannel() {
        return (name, annotation, context) -> name == null || CHANNELS.contains(name);
    }

    @Singleton
    ConstraintValidator<NotFarInFuture, Instant> notFarInFuture(IngestConfiguration configuration) {
        Clock clock = Clock.systemUTC();
        return (time, annotation, context) -> time == null
                || !time.isAfter(clock.instant().plus(configuration.maxClockSkew()));
    }

    @Singleton
    ConstraintValidator<AmountFitsCurrency, TransactionRequest> amountFitsCurrency() {
        return (request, annotation, context) -> {
            if (request == null || request.amount() == null || request.currency() == null
                    || !CURRENCIES.contains(request.currency())) {
                return true;
            }
            int allowed = minorUnits(request.currency());
            if (decimals(request.amount()) <= allowed) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must have at most " + allowed + " decimal(s) in " + request.currency())
                    .addPropertyNode("amount")
                    .addConstraintViolation();
            return false;
        };
    }

    private static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? MAX_DECIMALS : digits;
    }

    /** Trailing zeros carry no value: 12.50 EUR and 12.5 EUR both fit. */
    private static int decimals(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale());
    }
}

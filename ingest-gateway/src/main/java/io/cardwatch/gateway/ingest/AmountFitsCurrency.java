package io.cardwatch.gateway.ingest;

import jakarta.validation.Constraint;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The amount has no more decimals than its currency has minor units (2 for EUR, 0 for JPY, 3 for BHD).
 * Reported on {@code amount}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Constraint(validatedBy = {})
@interface AmountFitsCurrency {

    String message() default "has more decimals than the currency allows";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}

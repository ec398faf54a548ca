package io.cardwatch.gateway.ingest;

import jakarta.validation.Constraint;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An active ISO 4217 currency code, such as {@code EUR}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = {})
@interface IsoCurrency {

    String message() default "must be an ISO 4217 currency code";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}

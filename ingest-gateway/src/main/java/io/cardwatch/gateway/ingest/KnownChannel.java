package io.cardwatch.gateway.ingest;

import jakarta.validation.Constraint;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The name of a {@link io.cardwatch.events.Channel}, exactly as the contract spells it. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = {})
@interface KnownChannel {

    String message() default "must be one of CARD_PRESENT, ECOMMERCE, ATM, MAIL_PHONE";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}

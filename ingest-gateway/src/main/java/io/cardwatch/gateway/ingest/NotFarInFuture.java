package io.cardwatch.gateway.ingest;

import jakarta.validation.Constraint;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An instant no later than now plus the tolerated clock skew ({@code cardwatch.ingest.max-clock-skew}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = {})
@interface NotFarInFuture {

    String message() default "must not be in the future beyond the tolerated clock skew";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}

package io.cardwatch.review;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Entry point of the review console. */
@OpenAPIDefinition(
        info = @Info(title = "cardwatch-review-console", version = "1",
                description = "Analysts' review of alerts: the queue, an alert's case, resolutions that publish "
                        + "labels, card blocks, the overview's figures and the labelled-history export. Explained in "
                        + "docs/api.md and docs/review.md."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "session")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the OpenID Connect provider, or the console's own session token.")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "JWT",
        description = "The session cookie set by signing in on /login.")
public final class ReviewConsoleApplication {

    private ReviewConsoleApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ReviewConsoleApplication.class, args);
    }
}

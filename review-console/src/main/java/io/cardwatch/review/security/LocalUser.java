package io.cardwatch.review.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * A user who signs in with a password kept in the configuration, as {@code cardwatch.review.local-users[n]}:
 * for the local stack and small installations; production signs analysts in through OpenID Connect.
 *
 * @param passwordHash a {@link PasswordHashes} hash, never the password
 * @param roles        {@link Roles} names; each implies those below it
 */
@EachProperty(value = "cardwatch.review.local-users", list = true)
record LocalUser(@Parameter Integer index, @NotBlank String username, @NotBlank String passwordHash,
                 @NotEmpty List<String> roles) {
}

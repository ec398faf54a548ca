package io.cardwatch.review.security;

import io.cardwatch.review.ReviewConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roles of a token's bearer: those the console put in its own tokens ({@code roles}) or those the OpenID
 * Connect provider lists in {@code cardwatch.review.roles-claim} (such as {@code cognito:groups}), with the roles
 * each implies.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
final class ClaimRolesFinder implements RolesFinder {

    static final String OWN_CLAIM = "roles";

    private final String providerClaim;

    ClaimRolesFinder(ReviewConfiguration configuration) {
        this.providerClaim = configuration.rolesClaim();
    }

    @Override
    public List<String> resolveRoles(@Nullable Map<String, Object> attributes) {
        if (attributes == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(names(attributes.get(OWN_CLAIM)));
        names.addAll(names(attributes.get(providerClaim)));
        return Roles.expand(names);
    }

    /** A claim may hold a list of names or one string of names separated by spaces or commas. */
    static List<String> names(@Nullable Object claim) {
        List<String> names = new ArrayList<>();
        if (claim instanceof Iterable<?> values) {
            values.forEach(value -> names.add(String.valueOf(value)));
        } else if (claim != null) {
            for (String name : claim.toString().split("[\\s,]+")) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}

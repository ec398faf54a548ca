package io.cardwatch.review.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console's roles. Each implies the ones below it, so that an identity provider's groups or a local user's
 * roles need name only the highest: ADMIN (card lists) implies ANALYST (resolve, escalate) implies VIEWER (read).
 */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    /** Highest first. */
    private static final List<String> LADDER = List.of(ADMIN, ANALYST, VIEWER);

    private Roles() {
    }

    /**
     * The roles {@code granted} amount to, sorted: each known role (in any letter case) with every role below it.
     * Names that are no role of the console (other groups of the identity provider) are dropped.
     */
    public static List<String> expand(Collection<String> granted) {
        Set<String> roles = new TreeSet<>();
        for (String name : granted) {
            int rank = LADDER.indexOf(name.trim().toUpperCase(Locale.ROOT));
            if (rank >= 0) {
                roles.addAll(LADDER.subList(rank, LADDER.size()));
            }
        }
        return List.copyOf(roles);
    }
}

package io.cardwatch.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void givesEachRoleTheRolesBelowIt() {
        assertThat(Roles.expand(List.of("VIEWER"))).containsExactly("VIEWER");
        assertThat(Roles.expand(List.of("ANALYST"))).containsExactly("ANALYST", "VIEWER");
        assertThat(Roles.expand(List.of("ADMIN"))).containsExactly("ADMIN", "ANALYST", "VIEWER");
        assertThat(Roles.expand(List.of("viewer", " Admin "))).containsExactly("ADMIN", "ANALYST", "VIEWER");
    }

    @Test
    void dropsNamesThatAreNoRoleOfTheConsole() {
        assertThat(Roles.expand(List.of("payments-team", "ANALYSTS"))).isEmpty();
        assertThat(Roles.expand(List.of("payments-team", "ANALYST"))).containsExactly("ANALYST", "VIEWER");
    }

    @Test
    void readsAClaimAsAListOrAsOneStringOfNames() {
        assertThat(ClaimRolesFinder.names(List.of("ANALYST", "ops"))).containsExactly("ANALYST", "ops");
        assertThat(ClaimRolesFinder.names("ANALYST ops,VIEWER")).containsExactly("ANALYST", "ops", "VIEWER");
        assertThat(ClaimRolesFinder.names(null)).isEmpty();
    }
}

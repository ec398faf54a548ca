package io.cardwatch.review.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Local users as YAML gives them (a list of maps, roles a list) and as flat properties (roles comma-separated); and
 * no start at all without a signing secret.
 */
class LocalUserConfigurationTest {

    private static final String HASH = PasswordHashes.hash("pw", 10);
    private static final String SECRET = "a test secret that is long enough for HS256";

    @Test
    void readsLocalUsersFromAYamlList() {
        Map<String, Object> yaml = Map.of(
                "cardwatch.review.local-users", List.of(
                        Map.of("username", "alice", "password-hash", HASH, "roles", List.of("VIEWER", "ADMIN")),
                        Map.of("username", "bob", "password-hash", HASH, "roles", List.of("ANALYST"))),
                "datasources.default.enabled", false, SigningSecret.PROPERTY, SECRET);
        try (ApplicationContext context = ApplicationContext.run(yaml)) {
            assertThat(users(context)).containsExactly("alice [VIEWER, ADMIN]", "bob [ANALYST]");
        }
    }

    @Test
    void readsLocalUsersFromFlatProperties() {
        Map<String, Object> flat = Map.of(
                "cardwatch.review.local-users[0].username", "carol",
                "cardwatch.review.local-users[0].password-hash", HASH,
                "cardwatch.review.local-users[0].roles", "VIEWER,ANALYST",
                "datasources.default.enabled", false, SigningSecret.PROPERTY, SECRET);
        try (ApplicationContext context = ApplicationContext.run(flat)) {
            assertThat(users(context)).containsExactly("carol [VIEWER, ANALYST]");
        }
    }

    @Test
    void refusesToStartWithoutASigningSecret() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.enabled", false)))
                .hasMessageContaining(SigningSecret.PROPERTY + " is not set");
    }

    private static List<String> users(ApplicationContext context) {
        return context.getBeansOfType(LocalUser.class).stream()
                .sorted(Comparator.comparing(LocalUser::username))
                .map(user -> user.username() + " " + user.roles())
                .toList();
    }
}

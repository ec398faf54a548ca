package io.cardwatch.review.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.configuration.OauthConfiguration;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /login}: the sign-in form for local users, and a link per configured OpenID Connect provider. The
 * form posts to Micronaut's own {@code POST /login}, which sets the session cookie.
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class LoginPage {

    private final List<Provider> providers;
    private final boolean localUsers;

    LoginPage(List<OauthClientConfiguration> clients, OauthConfiguration oauth, List<LocalUser> users) {
        this.providers = clients.stream().filter(OauthClientConfiguration::isEnabled)
                .map(client -> new Provider(client.getName(),
                        UriTemplate.of(oauth.getLoginUri()).expand(Map.of("provider", client.getName()))))
                .toList();
        this.localUsers = !users.isEmpty();
    }

    @Get("/login")
    @View("login")
    Map<String, Object> login(@Nullable @QueryValue Boolean error, @Nullable @QueryValue Boolean signedOut) {
        return Map.of("error", Boolean.TRUE.equals(error), "signedOut", Boolean.TRUE.equals(signedOut),
                "providers", providers, "localUsers", localUsers);
    }

    /** An OpenID Connect provider to sign in with. */
    public record Provider(String name, String loginUrl) {
    }
}

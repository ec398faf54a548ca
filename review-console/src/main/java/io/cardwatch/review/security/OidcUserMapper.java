package io.cardwatch.review.security;

import io.cardwatch.review.ReviewConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.config.AuthenticationModeConfiguration;
import io.micronaut.security.oauth2.configuration.OpenIdAdditionalClaimsConfiguration;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OauthAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * An analyst signed in through OpenID Connect: named by the provider's user name (Keycloak's
 * {@code preferred_username}, Cognito's {@code cognito:username}) or e-mail, else the subject; with the roles the
 * provider's {@code cardwatch.review.roles-claim} grants. The session token then carries only these, not the
 * provider's tokens.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
final class OidcUserMapper extends DefaultOpenIdAuthenticationMapper {

    private static final List<String> NAME_CLAIMS = List.of("preferred_username", "cognito:username", "email");

    private final String rolesClaim;

    OidcUserMapper(OpenIdAdditionalClaimsConfiguration additionalClaims,
                   AuthenticationModeConfiguration authenticationMode, ReviewConfiguration configuration) {
        super(additionalClaims, authenticationMode);
        this.rolesClaim = configuration.rolesClaim();
    }

    @Override
    protected Map<String, Object> buildAttributes(String providerName, OpenIdTokenResponse tokenResponse,
                                                  OpenIdClaims openIdClaims) {
        return Map.of(OauthAuthenticationMapper.PROVIDER_KEY, providerName);
    }

    @Override
    protected List<String> getRoles(String providerName, OpenIdTokenResponse tokenResponse, OpenIdClaims openIdClaims) {
        return Roles.expand(ClaimRolesFinder.names(openIdClaims.get(rolesClaim)));
    }

    @Override
    protected String getUsername(String providerName, OpenIdTokenResponse tokenResponse, OpenIdClaims openIdClaims) {
        return NAME_CLAIMS.stream().map(openIdClaims::get).filter(value -> value != null && !value.toString().isBlank())
                .map(Object::toString).findFirst().orElse(openIdClaims.getSubject());
    }
}

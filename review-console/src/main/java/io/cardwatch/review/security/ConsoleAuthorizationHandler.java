package io.cardwatch.review.security;

import io.cardwatch.review.Paths;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * An anonymous request for a page is sent to the sign-in page, whatever it accepts; the API answers 401 with
 * problem details, never a redirect, so that a client program sees what happened. A signed-in user without the
 * role gets 403 either way (an HTML page for a browser).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class ConsoleAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    ConsoleAuthorizationHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                RedirectConfiguration redirectConfiguration, RedirectService redirectService,
                                List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                                @Nullable PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challenges, priorToLoginPersistence);
    }

    @Override
    protected boolean shouldRedirect(HttpRequest<?> request, AuthorizationException exception) {
        return !exception.isForbidden() && !Paths.isApi(request);
    }
}

package io.cardwatch.review.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * What every page needs besides its own model: the form token, and who is signed in with what they may do, so
 * that a page offers only the actions its user is allowed (the controllers check again).
 */
@Singleton
final class PageModel implements ViewModelProcessor<Map<String, Object>> {

    private final CsrfTokens tokens;

    PageModel(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElse(Map.of()));
        model.put("csrfToken", tokens.tokenFor(request));
        request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .ifPresent(authentication -> model.put("user", new SignedInUser(authentication.getName(),
                        authentication.getRoles().contains(Roles.ANALYST),
                        authentication.getRoles().contains(Roles.ADMIN))));
        modelAndView.setModel(model);
    }

    /** The user a page is rendered for. */
    public record SignedInUser(String name, boolean analyst, boolean admin) {
    }
}

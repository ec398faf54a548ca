package io.cardwatch.review;

import io.micronaut.http.HttpRequest;

/** Which requests are the JSON API and which are pages a person's browser asks for. */
public final class Paths {

    public static final String API = "/api/v1";

    private Paths() {
    }

    /** The JSON API answers with problem details and 401; everything else is a page, which redirects to sign-in. */
    public static boolean isApi(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(API) || path.startsWith(API + "/");
    }

    /** Probes, static files and the API need no form token and get no CSRF cookie. */
    public static boolean isPage(HttpRequest<?> request) {
        String path = request.getPath();
        return !isApi(request) && !path.startsWith("/health") && !path.startsWith("/static/")
                && !path.startsWith("/swagger");
    }
}

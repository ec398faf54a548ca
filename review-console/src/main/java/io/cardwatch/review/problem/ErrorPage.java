package io.cardwatch.review.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The same errors for a browser (it accepts HTML): the console's own error page, with a way back to the queue. */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
final class ErrorPage implements HtmlErrorResponseBodyProvider {

    private final ThymeleafViewsRenderer<Map<String, Object>> views;

    ErrorPage(ThymeleafViewsRenderer<Map<String, Object>> views) {
        this.views = views;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        Map<String, Object> model = Map.of("status", response.code(),
                "title", HttpStatus.getDefaultReason(response.code()),
                "detail", ProblemBodyProvider.detail(context, response));
        Writable page = views.render("error", model, context.getRequest());
        StringWriter html = new StringWriter();
        try {
            page.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the error page", e);
        }
        return html.toString();
    }

    @Override
    public String contentType() {
        return MediaType.TEXT_HTML;
    }
}

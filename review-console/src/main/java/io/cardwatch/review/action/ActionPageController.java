package io.cardwatch.review.action;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.cardwatch.review.alert.Action;
import io.cardwatch.review.alert.AlertCases;
import io.cardwatch.review.alert.AlertStatus;
import io.cardwatch.review.security.Roles;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The action buttons of an alert's page: one form, whose buttons post to {@code /alerts/{id}/confirm-fraud},
 * {@code mark-legitimate}, {@code escalate} or {@code block-card}. Done, the browser is sent back to the page (so
 * a reload posts nothing twice); refused, the page is shown again with why and the refusal's status: 409 for a
 * stale form, 503 when Kafka did not take the label.
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller("/alerts/{transactionId}")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ActionPageController {

    private final AlertActions actions;
    private final AlertCases cases;

    ActionPageController(AlertActions actions, AlertCases cases) {
        this.actions = actions;
        this.cases = cases;
    }

    @Post("/confirm-fraud")
    @Secured(Roles.ANALYST)
    HttpResponse<?> confirmFraud(String transactionId, @Body ActionForm form, Principal analyst) {
        return changeStatus(Action.CONFIRM_FRAUD, transactionId, form, analyst);
    }

    @Post("/mark-legitimate")
    @Secured(Roles.ANALYST)
    HttpResponse<?> markLegitimate(String transactionId, @Body ActionForm form, Principal analyst) {
        return changeStatus(Action.MARK_LEGITIMATE, transactionId, form, analyst);
    }

    @Post("/escalate")
    @Secured(Roles.ANALYST)
    HttpResponse<?> escalate(String transactionId, @Body ActionForm form, Principal analyst) {
        return changeStatus(Action.ESCALATE, transactionId, form, analyst);
    }

    @Post("/block-card")
    @Secured(Roles.ADMIN)
    HttpResponse<?> blockCard(String transactionId, @Body ActionForm form, Principal analyst) {
        return taken(Action.BLOCK_CARD, transactionId,
                () -> actions.blockCard(transactionId, form.note(), analyst.getName()));
    }

    private HttpResponse<?> changeStatus(Action action, String transactionId, ActionForm form, Principal analyst) {
        return taken(action, transactionId, () -> actions.changeStatus(action, transactionId,
                expected(form.expectedStatus()), form.note(), analyst.getName()));
    }

    private HttpResponse<?> taken(Action action, String transactionId, Supplier<ActionOutcome> take) {
        try {
            take.get();
        } catch (ActionConflictException | PublishFailedException e) {
            return cases.page(transactionId, e.getStatus(), null, e.getMessage());
        } catch (HttpStatusException e) {
            if (e.getStatus() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            return cases.page(transactionId, e.getStatus(), null, e.getMessage());
        }
        return HttpResponse.seeOther(URI.create(UriBuilder.of("/alerts").path(transactionId)
                .queryParam("done", action.slug()).toString()));
    }

    private static AlertStatus expected(@Nullable String status) {
        try {
            return AlertStatus.valueOf(status == null ? "" : status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "expectedStatus is missing or not a status");
        }
    }

    /** The form's fields; its CSRF token was checked before the request got here. */
    @Introspected
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActionForm(@Nullable String expectedStatus, @Nullable String note) {
    }
}

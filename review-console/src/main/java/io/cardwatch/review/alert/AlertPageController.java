package io.cardwatch.review.alert;

import io.cardwatch.review.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

/** {@code GET /alerts/{transactionId}}: an alert's page. */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller("/alerts")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AlertPageController {

    private final AlertCases cases;

    AlertPageController(AlertCases cases) {
        this.cases = cases;
    }

    /** {@code done} names the action just taken, after the redirect that follows a successful form post. */
    @Get("/{transactionId}")
    HttpResponse<?> alert(String transactionId, @Nullable @QueryValue String done) {
        return cases.page(transactionId, HttpStatus.OK, notice(done), null);
    }

    private static String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        for (Action action : Action.values()) {
            if (action.slug().equals(done)) {
                return switch (action) {
                    case CONFIRM_FRAUD -> "Confirmed as fraud. The label is on its way to the detector, which "
                            + "declines the card's next transactions.";
                    case MARK_LEGITIMATE -> "Marked legitimate. The label is on its way to the detector.";
                    case ESCALATE -> "Escalated. The alert stays in the queue.";
                    case BLOCK_CARD -> "The card is on the blocklist: the detector declines its transactions.";
                };
            }
        }
        return null;
    }
}

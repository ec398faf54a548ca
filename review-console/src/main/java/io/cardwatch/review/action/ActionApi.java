package io.cardwatch.review.action;

import io.cardwatch.events.Label;
import io.cardwatch.review.Paths;
import io.cardwatch.review.alert.Action;
import io.cardwatch.review.alert.AlertStatus;
import io.cardwatch.review.security.Roles;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;

/** The analysts' actions as JSON: resolve, escalate, block the card. */
@Controller(Paths.API + "/alerts/{transactionId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "actions")
class ActionApi {

    private final AlertActions actions;

    ActionApi(AlertActions actions) {
        this.actions = actions;
    }

    @Post("/resolution")
    @Secured(Roles.ANALYST)
    @Operation(summary = "Resolve an alert with a verdict",
            description = "FRAUD sets the alert CONFIRMED_FRAUD, LEGITIMATE sets it LEGITIMATE, and either publishes "
                    + "a label on the labels topic keyed by the transaction ID before the change commits. A verdict "
                    + "may be corrected later; the new label replaces the old one.")
    @ApiResponse(responseCode = "200", description = "Resolved and published")
    @ApiResponse(responseCode = "403", description = "The caller is not an ANALYST",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No alert for this transaction",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The alert's status is not expectedStatus (someone acted on it "
            + "since), or the verdict cannot be given from it; nothing changed",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not take the label; nothing changed",
            content = @Content(mediaType = "application/problem+json"))
    ActionOutcome resolve(String transactionId, @Valid @Body Resolution resolution, Principal analyst) {
        Action action = resolution.verdict() == Label.Verdict.FRAUD ? Action.CONFIRM_FRAUD : Action.MARK_LEGITIMATE;
        return actions.changeStatus(action, transactionId, resolution.expectedStatus(), resolution.note(),
                analyst.getName());
    }

    @Post("/escalation")
    @Secured(Roles.ANALYST)
    @Operation(summary = "Escalate an open alert", description = "The alert becomes ESCALATED and stays in the queue.")
    @ApiResponse(responseCode = "200", description = "Escalated")
    @ApiResponse(responseCode = "409", description = "The alert is not OPEN, or not expectedStatus",
            content = @Content(mediaType = "application/problem+json"))
    ActionOutcome escalate(String transactionId, @Valid @Body Escalation escalation, Principal analyst) {
        return actions.changeStatus(Action.ESCALATE, transactionId, escalation.expectedStatus(), escalation.note(),
                analyst.getName());
    }

    @Post("/card-block")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Block the alert's card",
            description = "Publishes a BLOCK entry on card-lists keyed card:<cardId>: the detector declines the "
                    + "card's transactions from then on. The alert's status does not change.")
    @ApiResponse(responseCode = "200", description = "Published")
    @ApiResponse(responseCode = "403", description = "The caller is not an ADMIN",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not take the entry; nothing changed",
            content = @Content(mediaType = "application/problem+json"))
    ActionOutcome blockCard(String transactionId, @Valid @Body CardBlock block, Principal analyst) {
        return actions.blockCard(transactionId, block.note(), analyst.getName());
    }

    /**
     * @param expectedStatus the status the caller saw; the resolution is refused with 409 if it is not the status now
     */
    @Introspected
    record Resolution(@NotNull Label.Verdict verdict, @NotNull AlertStatus expectedStatus,
                      @Nullable @Schema(maxLength = AlertActions.MAX_NOTE_LENGTH) String note) {
    }

    @Introspected
    record Escalation(@NotNull AlertStatus expectedStatus,
                      @Nullable @Schema(maxLength = AlertActions.MAX_NOTE_LENGTH) String note) {
    }

    @Introspected
    record CardBlock(@Nullable @Schema(maxLength = AlertActions.MAX_NOTE_LENGTH) String note) {
    }
}

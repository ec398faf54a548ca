package io.cardwatch.review.alert;

import io.cardwatch.review.ReviewConfiguration;
import io.cardwatch.review.chart.SvgCharts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Assembles an alert's case, and its page: the case, the card's live profile, a chart and the actions open. */
@Singleton
public class AlertCases {

    private final Alerts alerts;
    private final CardHistory history;
    private final AuditTrail audit;
    private final CardProfiles profiles;
    private final ReviewConfiguration configuration;

    AlertCases(Alerts alerts, CardHistory history, AuditTrail audit, CardProfiles profiles,
               ReviewConfiguration configuration) {
        this.alerts = alerts;
        this.history = history;
        this.audit = audit;
        this.profiles = profiles;
        this.configuration = configuration;
    }

    /** The case, or 404. */
    public AlertCase of(String transactionId) {
        Alert alert = alerts.get(transactionId);
        return new AlertCase(alert, history.recent(alert.cardId(), configuration.historyLimit()),
                audit.of(transactionId));
    }

    /**
     * The alert's page with {@code status}: 200, or the status of a refused action with {@code problem} saying
     * why; {@code notice} reports an action just taken.
     */
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> page(String transactionId, HttpStatus status,
                                                                        @Nullable String notice,
                                                                        @Nullable String problem) {
        AlertCase alertCase = of(transactionId);
        Map<String, Object> model = new HashMap<>();
        model.put("case", alertCase);
        model.put("alert", alertCase.alert());
        model.put("profile", profiles.of(alertCase.alert().cardId()));
        model.put("chart", SvgCharts.timeline("amount-chart", points(alertCase.history()),
                currencies(alertCase.history())));
        model.put("actions", Arrays.stream(Action.values())
                .filter(action -> action.allowedFrom(alertCase.alert().status()))
                .collect(Collectors.toMap(Action::slug, action -> true)));
        if (notice != null) {
            model.put("notice", notice);
        }
        if (problem != null) {
            model.put("problem", problem);
        }
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>("alert", model));
    }

    private static List<SvgCharts.Point> points(List<CardDecision> decisions) {
        return decisions.stream()
                .map(decision -> new SvgCharts.Point(decision.eventTime(), decision.amount().doubleValue(),
                        decision.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        decision.eventTime() + " " + decision.amount().toPlainString() + " " + decision.currency()
                                + " " + decision.outcome() + " " + decision.score()))
                .toList();
    }

    /** The unit of the amount axis: the currency, or all of them when the card paid in several. */
    private static String currencies(List<CardDecision> decisions) {
        return decisions.stream().map(CardDecision::currency).distinct().sorted().collect(Collectors.joining("/"));
    }
}

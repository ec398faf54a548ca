package io.cardwatch.detector.model;

import io.cardwatch.events.FraudModel;
import io.cardwatch.events.ModelScore;
import io.cardwatch.events.Reason;
import io.cardwatch.events.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what the models in force make of a transaction into what its decision says: the active model's
 * probability of fraud becomes points under the {@link #CODE} reason, whose facts name the features that pushed
 * the probability up most and by how much (their TreeSHAP contributions, in log-odds); a shadow model's
 * probability is only recorded. A rule set weighs the reason like a rule's ({@code weights}: the points at
 * probability 1, instead of the model's own) and may disable it, which keeps the model recorded but idle.
 */
public final class ModelRisk {

    public static final String CODE = "MODEL_RISK";
    /** How many features a reason names: enough to say why, few enough to read. */
    static final int TOP_FEATURES = 3;

    private ModelRisk() {
    }

    /** What the models made of one transaction: the scores recorded on its decision and the reason, if any. */
    public record Finding(List<ModelScore> scores, Optional<Reason> reason) {

        public static final Finding NONE = new Finding(List.of(), Optional.empty());
    }

    /** Scores {@code features} with every model in {@code models} under {@code ruleSet}. */
    public static Finding of(Models models, double[] features, RuleSet ruleSet) {
        List<ModelScore> scores = new ArrayList<>(2);
        Optional<Reason> reason = Optional.empty();
        if (models.active() != null) {
            LoadedModel model = models.active();
            double probability = model.ensemble().probability(features);
            int points = points(model.artefact(), probability, ruleSet);
            scores.add(new ModelScore(model.version(), ModelScore.Role.ACTIVE, probability, points));
            if (points > 0) {
                reason = Optional.of(new Reason(CODE, points, facts(model, features, probability)));
            }
        }
        if (models.shadow() != null) {
            LoadedModel model = models.shadow();
            scores.add(new ModelScore(model.version(), ModelScore.Role.SHADOW,
                    model.ensemble().probability(features), 0));
        }
        return new Finding(scores, reason);
    }

    private static int points(FraudModel model, double probability, RuleSet ruleSet) {
        if (ruleSet.disabledRules().contains(CODE)) {
            return 0;
        }
        return points(ruleSet.weights().getOrDefault(CODE, model.points()), model.minProbability(), probability);
    }

    /** The points a model adds at {@code probability}: {@code weight × probability} from {@code minProbability} up. */
    public static int points(int weight, double minProbability, double probability) {
        return probability < minProbability ? 0 : (int) Math.round(weight * probability);
    }

    // Only the contributions that raise the probability explain an alert; computed only for a transaction the
    // model adds points to, since they cost tens of times what the probability does.
    private static String facts(LoadedModel model, double[] features, double probability) {
        double[] contributions = model.ensemble().contributions(features);
        List<String> names = model.artefact().features();
        StringBuilder facts = new StringBuilder(String.format(Locale.ROOT,
                "model %s: fraud probability %.3f (%.3f for a typical transaction)", model.version(), probability,
                sigmoid(contributions[contributions.length - 1])));
        boolean[] named = new boolean[features.length];
        for (int rank = 0; rank < TOP_FEATURES; rank++) {
            int top = -1;
            for (int feature = 0; feature < features.length; feature++) {
                if (!named[feature] && contributions[feature] > 0
                        && (top < 0 || contributions[feature] > contributions[top])) {
                    top = feature;
                }
            }
            if (top < 0) {
                break;
            }
            named[top] = true;
            facts.append(rank == 0 ? "; raised most by " : ", ")
                    .append(names.get(top)).append(' ').append(value(features[top]))
                    .append(String.format(Locale.ROOT, " (%+.2f)", contributions[top]));
        }
        return facts.toString();
    }

    private static String value(double feature) {
        if (Double.isNaN(feature)) {
            return "unknown";
        }
        return feature == Math.rint(feature) && Math.abs(feature) < 1e6 ? String.valueOf((long) feature)
                : String.format(Locale.ROOT, "%.2f", feature);
    }

    private static double sigmoid(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }
}

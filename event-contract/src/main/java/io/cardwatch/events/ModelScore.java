package io.cardwatch.events;

/**
 * What a fraud model made of a transaction, as recorded on its decision: the model's version, whether it was
 * the active model (its points count in the score) or a shadow one (recorded only, to be compared before it
 * decides), the probability of fraud it gave, and the points it added (0 for a shadow model).
 */
public record ModelScore(String version, Role role, double probability, int points) {

    /** Whether a model decides or is only watched. */
    public enum Role {
        ACTIVE,
        SHADOW
    }
}

package io.cardwatch.detector.model;

/**
 * The models in force for one decision: the active one, whose points count, and a shadow one, only recorded;
 * either may be absent (null).
 */
public record Models(LoadedModel active, LoadedModel shadow) {

    /** No model: the rules alone decide. */
    public static final Models NONE = new Models(null, null);

    public boolean any() {
        return active != null || shadow != null;
    }

    public Models withActive(LoadedModel model) {
        return new Models(model, shadow);
    }

    public Models withShadow(LoadedModel model) {
        return new Models(active, model);
    }
}

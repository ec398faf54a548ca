package io.cardwatch.detector.model;

import io.cardwatch.events.FraudModel;

/** A validated model ready to score: the artefact as published and its trees compiled for fast evaluation. */
public record LoadedModel(FraudModel artefact, TreeEnsemble ensemble) {

    /** Compiles {@code model}, which must have passed the {@link ModelValidator}. */
    public static LoadedModel of(FraudModel model) {
        return new LoadedModel(model, TreeEnsemble.of(model));
    }

    public String version() {
        return artefact.version();
    }
}

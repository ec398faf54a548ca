package io.cardwatch.detector.model;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The models the detector scores with right now, swapped whole when a new one is published: the global
 * processor of {@code fraud-models} writes it, every stream thread reads it before each transaction.
 */
public final class ModelsInForce {

    private final AtomicReference<Models> current = new AtomicReference<>(Models.NONE);

    public Models current() {
        return current.get();
    }

    public void setActive(LoadedModel model) {
        current.updateAndGet(models -> models.withActive(model));
    }

    public void setShadow(LoadedModel model) {
        current.updateAndGet(models -> models.withShadow(model));
    }
}

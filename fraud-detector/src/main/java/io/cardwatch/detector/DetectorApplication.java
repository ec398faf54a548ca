package io.cardwatch.detector;

import io.micronaut.runtime.Micronaut;

/** Entry point of the fraud detector: the scoring topology and the decision sink. */
public final class DetectorApplication {

    private DetectorApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(DetectorApplication.class, args);
    }
}

package io.cardwatch.detector.profile;

/**
 * A card's profile cannot be had right now: the instance holding it did not answer, or the card's partition
 * has no owner or is moving (rebalancing). The caller may retry. Its message names no card: exceptions end up in
 * logs and spans.
 */
final class ProfileUnavailableException extends RuntimeException {

    ProfileUnavailableException(String message) {
        super(message);
    }

    ProfileUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

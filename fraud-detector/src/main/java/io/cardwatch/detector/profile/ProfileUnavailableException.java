package io.cardwatch.detector.profile;

/** The instance that owns a card's profile could not be asked for it; the caller may retry. */
final class ProfileUnavailableException extends RuntimeException {

    ProfileUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

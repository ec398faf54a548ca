package io.cardwatch.review.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void matchesOnlyThePasswordItWasMadeFrom() {
        String hash = PasswordHashes.hash("s3cret", 1000);

        assertThat(hash).startsWith("pbkdf2-sha256:1000:");
        assertThat(PasswordHashes.isWellFormed(hash)).isTrue();
        assertThat(PasswordHashes.matches("s3cret", hash)).isTrue();
        assertThat(PasswordHashes.matches("s3cret ", hash)).isFalse();
        assertThat(PasswordHashes.matches("", hash)).isFalse();
    }

    @Test
    void saltsEveryHashAnew() {
        assertThat(PasswordHashes.hash("s3cret", 1000)).isNotEqualTo(PasswordHashes.hash("s3cret", 1000));
    }

    @Test
    void usesTheIterationsTheHashCarries() {
        assertThat(PasswordHashes.hash("s3cret")).startsWith("pbkdf2-sha256:600000:");
        String fewer = PasswordHashes.hash("s3cret", 10);
        assertThat(PasswordHashes.matches("s3cret", fewer)).isTrue();
        assertThat(PasswordHashes.matches("s3cret", fewer.replace(":10:", ":11:"))).isFalse();
    }

    @Test
    void refusesWhatIsNotOneOfItsHashes() {
        for (String notAHash : new String[] {"s3cret", "", "bcrypt:10:abc:def", "pbkdf2-sha256:0:c2FsdA:aGFzaA",
                "pbkdf2-sha256:x:c2FsdA:aGFzaA", "pbkdf2-sha256:1000:not base64!:aGFzaA", "pbkdf2-sha256:1000:c2FsdA:aGFzaA"}) {
            assertThat(PasswordHashes.isWellFormed(notAHash)).as(notAHash).isFalse();
            assertThat(PasswordHashes.matches("s3cret", notAHash)).as(notAHash).isFalse();
        }
        assertThatThrownBy(() -> PasswordHashes.hash("s3cret", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

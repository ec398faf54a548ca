package io.cardwatch.review.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SigningSecretTest {

    @Test
    void refusesToStartWithoutASecretOrWithAShortOne() {
        assertThatThrownBy(() -> SigningSecret.check(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("micronaut.security.token.jwt.signatures.secret.generator.secret is not set");
        assertThatThrownBy(() -> SigningSecret.check("  ")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SigningSecret.check("0123456789012345678901234567890"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is 31 characters long");
        assertThatCode(() -> SigningSecret.check("01234567890123456789012345678901")).doesNotThrowAnyException();
    }
}

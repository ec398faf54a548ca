package io.cardwatch.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionRenewalTest {

    @Test
    void readsWhenATokenWasIssuedInTheFormsItsClaimsTake() {
        Instant issued = Instant.parse("2026-11-20T10:00:00Z");

        assertThat(SessionRenewal.issuedAt(Map.of("iat", Date.from(issued)))).hasValue(issued);
        assertThat(SessionRenewal.issuedAt(Map.of("iat", 1795168800L))).hasValue(issued);
        assertThat(SessionRenewal.issuedAt(Map.of("iat", issued))).hasValue(issued);
        assertThat(SessionRenewal.issuedAt(Map.of("sub", "analyst"))).isEmpty();
    }
}

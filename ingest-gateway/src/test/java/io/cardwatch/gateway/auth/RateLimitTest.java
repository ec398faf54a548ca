package io.cardwatch.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.gateway.GatewayTest;
import io.cardwatch.gateway.RequestBodies;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A producer over its rate is answered 429 with Retry-After and publishes nothing; the others do not notice. */
@MicronautTest
class RateLimitTest extends GatewayTest {

    @Override
    protected Map<String, String> overrides() {
        return merged(producer("acquirer", "key-acquirer"), producer("throttled", "key-throttled"),
                Map.of("cardwatch.auth.producers.throttled.requests-per-second", "0.001",
                        "cardwatch.auth.producers.throttled.burst", "2"));
    }

    @Test
    void answers429WithRetryAfterToAProducerOverItsRateOnly() {
        var first = http.toBlocking().exchange(post("tx-throttled-1", "Bearer key-throttled"), String.class);
        var second = http.toBlocking().exchange(post("tx-throttled-2", "Bearer key-throttled"), String.class);
        int before = publishedTransactions().size();

        var error = refused(post("tx-throttled-3", "Bearer key-throttled"));
        var other = http.toBlocking().exchange(post("tx-unthrottled", "Bearer key-acquirer"), String.class);

        assertThat(first.code()).isEqualTo(202);
        assertThat(second.code()).isEqualTo(202);
        assertThat(error.code()).isEqualTo(429);
        assertThat(body(error)).contains(
                "\"detail\":\"Producer throttled is over its rate of 0.001 requests per second\"");
        assertThat(Long.parseLong(error.getResponse().header(HttpHeaders.RETRY_AFTER))).isBetween(900L, 1000L);
        assertThat(other.code()).isEqualTo(202);
        assertThat(publishedTransactions()).hasSize(before + 1);
    }

    private static HttpRequest<String> post(String transactionId, String authorization) {
        return HttpRequest.POST("/v1/transactions", RequestBodies.valid(transactionId))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, authorization);
    }
}

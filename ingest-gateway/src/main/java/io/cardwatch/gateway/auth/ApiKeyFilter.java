package io.cardwatch.gateway.auth;

import io.cardwatch.gateway.ratelimit.RateLimits;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every API call names its producer with an API key ({@code Authorization: Bearer <key>}): 401 without a
 * known key, 403 when the key may not write, 429 with Retry-After when the producer is over its rate.
 */
@ServerFilter("/v1/**")
final class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final boolean enabled;
    private final Producers producers;
    private final RateLimits rateLimits;
    private final ErrorResponseProcessor<?> errors;

    ApiKeyFilter(@Value("${cardwatch.auth.enabled:true}") boolean enabled, Producers producers,
                 RateLimits rateLimits, ErrorResponseProcessor<?> errors) {
        this.enabled = enabled;
        this.producers = producers;
        this.rateLimits = rateLimits;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (!enabled) {
            request.setAttribute(ProducerIdentity.ATTRIBUTE, ProducerIdentity.ANONYMOUS);
            request.setAttribute(ProducerIdentity.READS_FOR, ProducerIdentity.ANONYMOUS);
            return null;
        }
        Optional<String> key = request.getHeaders().getAuthorization()
                .filter(value -> value.startsWith(BEARER)).map(value -> value.substring(BEARER.length()).trim());
        if (key.isEmpty()) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "An API key is required: Authorization: Bearer <key>")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Optional<ProducerCredential> producer = key.flatMap(producers::identify);
        if (producer.isEmpty()) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "Unknown API key")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return admit(request, producer.get());
    }

    private @Nullable HttpResponse<?> admit(HttpRequest<?> request, ProducerCredential producer) {
        if (request.getMethod() != HttpMethod.GET && !producer.isWrite()) {
            return refuse(request, HttpStatus.FORBIDDEN,
                    "Producer " + producer.getName() + " may look decisions up but not post transactions");
        }
        OptionalLong retryAfterSeconds = rateLimits.take(producer.getName(), producer.getRequestsPerSecond(),
                producer.getBurst());
        if (retryAfterSeconds.isPresent()) {
            return refuse(request, HttpStatus.TOO_MANY_REQUESTS,
                    "Producer " + producer.getName() + " is over its rate of " + producer.getRequestsPerSecond()
                            + " requests per second")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds.getAsLong()));
        }
        request.setAttribute(ProducerIdentity.ATTRIBUTE, producer.getName());
        request.setAttribute(ProducerIdentity.READS_FOR, producer.decisionsOf());
        return null;
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String detail) {
        return errors.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(status));
    }
}

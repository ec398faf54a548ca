package io.cardwatch.detector.profile;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;

/**
 * The other instances of this detector, each of which answers for the cards of its partitions. Which instance
 * holds a card is known only per query, so the instance is part of each request: {@code {+instance}} expands to
 * an absolute {@code http://host:port}, which the client then asks directly. Timeouts are those of the service
 * {@code detector-instances} (application.yml).
 */
@Client(id = "detector-instances")
interface DetectorInstances {

    /** {@code local=true}: the instance answers from its own state, never forwarding the query again. */
    @Get("{+instance}/cards/{cardId}/profile?local=true")
    HttpResponse<String> profile(String instance, String cardId,
                                 @Header(HttpHeaders.AUTHORIZATION) String authorization);
}

package io.cardwatch.review.alert;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;

/**
 * The detector's profile query, which answers from whichever detector instance holds the card's state, to a
 * caller with one of its query tokens: the console sends {@code cardwatch.review.detector-token}.
 */
@Client(id = "detector")
@Header(name = "Authorization", value = "Bearer ${cardwatch.review.detector-token}")
interface DetectorClient {

    @Get("/cards/{cardId}/profile")
    HttpResponse<String> profile(String cardId);
}

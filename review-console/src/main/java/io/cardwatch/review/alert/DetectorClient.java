package io.cardwatch.review.alert;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;

/** The detector's profile query, which answers from whichever detector instance holds the card's state. */
@Client(id = "detector")
interface DetectorClient {

    @Get("/cards/{cardId}/profile")
    HttpResponse<String> profile(String cardId);
}

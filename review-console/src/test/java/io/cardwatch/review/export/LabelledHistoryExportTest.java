package io.cardwatch.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.review.Browser;
import io.cardwatch.review.ConsoleTest;
import io.cardwatch.review.Fixtures;
import io.cardwatch.review.security.Roles;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The labelled-history export, byte for byte, over a literal set of decisions and verdicts. */
@MicronautTest
class LabelledHistoryExportTest extends ConsoleTest {

    private static final String HEADER = "transactionId,cardId,amount,currency,merchantId,merchantCategory,country,"
            + "latitude,longitude,eventTime,channel,fraud,scenario,episode\n";

    private String viewer;

    @BeforeAll
    void history() throws Exception {
        Fixtures.clear();
        Fixtures.scored("ex-1").card("card-ex").outcome("APPROVE").reasons().amount("12.50", "EUR")
                .at("2026-11-20T08:00:00Z").insert();
        Fixtures.scored("ex-2").card("card-ex").outcome("DECLINE").amount("640.00", "EUR").merchant("m-ex")
                .facts("5732", "FR", 48.85, 2.35, "ECOMMERCE").at("2026-11-20T09:00:00Z").status("CONFIRMED_FRAUD")
                .insert();
        Fixtures.scored("ex-3").card("card-ex").amount("75", "EUR").facts("5411", "DE", 52.52, 13.405, null)
                .at("2026-11-20T10:00:00Z").status("LEGITIMATE").insert();
        Fixtures.scored("ex-4").card("card-ex").at("2026-11-20T11:00:00Z").status("OPEN").insert();
        // Written before the detector carried the facts: no category, place or channel.
        Fixtures.scored("ex-5").card("card-old").outcome("APPROVE").reasons().amount("3.20", "GBP")
                .facts(null, null, null, null, null).at("2026-11-20T12:00:00Z").insert();
        Fixtures.scored("ex-out").card("card-ex").outcome("APPROVE").reasons().at("2026-11-21T00:00:00Z").insert();
        viewer = tokens.generateToken(Authentication.build("vera", List.of(Roles.VIEWER)), 600).orElseThrow();
    }

    @Test
    void exportsEveryTransactionOfTheRangeInEventTimeOrderWithConfirmedFraudAsFraud() {
        HttpResponse<String> response = export("from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(response.body()).isEqualTo(HEADER
                + "ex-1,card-ex,12.5,EUR,m-1,5411,DE,52.52,13.405,2026-11-20T08:00:00Z,CARD_PRESENT,false,,0\n"
                + "ex-2,card-ex,640,EUR,m-ex,5732,FR,48.85,2.35,2026-11-20T09:00:00Z,ECOMMERCE,true,,0\n"
                + "ex-3,card-ex,75,EUR,m-1,5411,DE,52.52,13.405,2026-11-20T10:00:00Z,,false,,0\n"
                + "ex-4,card-ex,5000,EUR,m-1,5411,DE,52.52,13.405,2026-11-20T11:00:00Z,CARD_PRESENT,false,,0\n"
                + "ex-5,card-old,3.2,GBP,m-1,,,0.0,0.0,2026-11-20T12:00:00Z,,false,,0\n");
    }

    @Test
    void exportsOnlyResolvedTransactionsWhenAskedTo() {
        HttpResponse<String> response = export("from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&labelled-only=true");

        assertThat(response.body()).isEqualTo(HEADER
                + "ex-2,card-ex,640,EUR,m-ex,5732,FR,48.85,2.35,2026-11-20T09:00:00Z,ECOMMERCE,true,,0\n"
                + "ex-3,card-ex,75,EUR,m-1,5411,DE,52.52,13.405,2026-11-20T10:00:00Z,,false,,0\n");
    }

    @Test
    void exportsTheHeaderAloneForAnEmptyRange() {
        assertThat(export("from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z").body()).isEqualTo(HEADER);
    }

    @Test
    void refusesAMissingOrReversedRangeWith400() {
        assertThat(export("from=2026-11-20T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(export("from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> export(String query) {
        return Browser.api(port, "GET", "/api/v1/exports/labelled-history?" + query, viewer, null, "text/csv");
    }
}

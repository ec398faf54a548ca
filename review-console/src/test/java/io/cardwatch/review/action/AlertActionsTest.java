package io.cardwatch.review.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Label;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import io.cardwatch.review.Browser;
import io.cardwatch.review.ConsoleTest;
import io.cardwatch.review.ConsoleTestServers;
import io.cardwatch.review.Fixtures;
import io.cardwatch.review.security.Roles;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resolutions change the alert row, are audited and publish a label on the real broker; stale forms change and
 * publish nothing; blocking a card publishes a BLOCK entry.
 */
@MicronautTest
class AlertActionsTest extends ConsoleTest {


    @BeforeAll
    void alerts() throws Exception {
        Fixtures.clear();
        Fixtures.scored("tx-act-api").card("card-act-1").at("2026-11-20T10:00:00Z").insert();
        Fixtures.scored("tx-act-stale").card("card-act-2").insert();
        Fixtures.scored("tx-act-page").card("card-act-3").at("2026-11-20T11:00:00Z").insert();
        Fixtures.scored("tx-act-escalate").card("card-act-4").insert();
        Fixtures.scored("tx-act-block").card("card-act-5").status("CONFIRMED_FRAUD").insert();
    }

    @Test
    void confirmsFraudThroughTheApiAuditsItAndPublishesTheLabel() throws Exception {
        HttpResponse<String> response = Browser.api(port, "POST", "/api/v1/alerts/tx-act-api/resolution",
                token("alice", Roles.ANALYST), "{\"verdict\":\"FRAUD\",\"expectedStatus\":\"OPEN\",\"note\":\"stolen card\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"transactionId\":\"tx-act-api\"", "\"action\":\"CONFIRM_FRAUD\"",
                "\"statusBefore\":\"OPEN\"", "\"statusAfter\":\"CONFIRMED_FRAUD\"", "\"topic\":\"labels\"",
                "\"key\":\"tx-act-api\"");
        assertThat(Fixtures.alertRow("tx-act-api", "status", "resolution", "analyst"))
                .isEqualTo(Map.of("status", "CONFIRMED_FRAUD", "resolution", "stolen card", "analyst", "alice"));
        assertThat(Fixtures.alertRow("tx-act-api", "resolved_at").get("resolved_at")).isNotNull();
        assertThat(Fixtures.auditRows("tx-act-api")).containsExactly(
                "CONFIRM_FRAUD alice stolen card {\"status\": \"OPEN\"} {\"status\": \"CONFIRMED_FRAUD\"}");
        List<ConsumerRecord<String, Label>> labels = records(Topics.LABELS_NAME, "tx-act-api", Topics.LABELS);
        assertThat(labels).hasSize(1);
        Label label = labels.get(0).value();
        assertThat(label.transactionId()).isEqualTo("tx-act-api");
        assertThat(label.cardId()).isEqualTo("card-act-1");
        assertThat(label.verdict()).isEqualTo(Label.Verdict.FRAUD);
        assertThat(label.analyst()).isEqualTo("alice");
        assertThat(label.eventTime()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void refusesAStaleResolutionWith409AndChangesNothing() throws Exception {
        String analyst = token("bob", Roles.ANALYST);
        HttpResponse<String> first = Browser.api(port, "POST", "/api/v1/alerts/tx-act-stale/resolution", analyst,
                "{\"verdict\":\"LEGITIMATE\",\"expectedStatus\":\"OPEN\",\"note\":\"customer confirmed\"}");

        HttpResponse<String> stale = Browser.api(port, "POST", "/api/v1/alerts/tx-act-stale/resolution", analyst,
                "{\"verdict\":\"FRAUD\",\"expectedStatus\":\"OPEN\",\"note\":\"second look\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stale.body()).contains("\"status\":409", "The alert is LEGITIMATE now, not OPEN");
        assertThat(Fixtures.alertRow("tx-act-stale", "status", "resolution"))
                .isEqualTo(Map.of("status", "LEGITIMATE", "resolution", "customer confirmed"));
        assertThat(Fixtures.auditRows("tx-act-stale")).hasSize(1);
        assertThat(records(Topics.LABELS_NAME, "tx-act-stale", Topics.LABELS))
                .extracting(record -> record.value().verdict()).containsExactly(Label.Verdict.LEGITIMATE);
    }

    @Test
    void confirmsFraudFromThePageAndShowsItInTheAudit() throws Exception {
        Browser browser = new Browser(port);
        browser.signIn("analyst", ConsoleTestServers.PASSWORD);
        HttpResponse<String> before = browser.get("/alerts/tx-act-page");

        HttpResponse<String> confirm = browser.post("/alerts/tx-act-page/confirm-fraud",
                Map.of("expectedStatus", "OPEN", "note", "card reported stolen"));
        HttpResponse<String> after = browser.get("/alerts/tx-act-page?done=confirm-fraud");
        HttpResponse<String> staleForm = browser.post("/alerts/tx-act-page/mark-legitimate",
                Map.of("expectedStatus", "OPEN", "note", "old form"));

        assertThat(before.body()).contains("id=\"confirm-fraud\"", "id=\"mark-legitimate\"", "id=\"escalate\"")
                .doesNotContain("id=\"block-card\"");
        assertThat(confirm.statusCode()).isEqualTo(303);
        assertThat(confirm.headers().firstValue("Location")).hasValue("/alerts/tx-act-page?done=confirm-fraud");
        assertThat(after.body()).contains("id=\"notice\"", "<td class=\"audit-analyst\">analyst</td>",
                "<td class=\"audit-action\">CONFIRM_FRAUD</td>", "<td class=\"audit-note\">card reported stolen</td>",
                "<dd id=\"alert-status\">CONFIRMED_FRAUD</dd>");
        assertThat(staleForm.statusCode()).isEqualTo(409);
        assertThat(staleForm.body()).contains("id=\"problem\"", "The alert is CONFIRMED_FRAUD now, not OPEN");
        assertThat(Fixtures.alertRow("tx-act-page", "status", "analyst"))
                .isEqualTo(Map.of("status", "CONFIRMED_FRAUD", "analyst", "analyst"));
        assertThat(records(Topics.LABELS_NAME, "tx-act-page", Topics.LABELS))
                .extracting(record -> record.value().verdict()).containsExactly(Label.Verdict.FRAUD);
    }

    @Test
    void escalatesWithoutPublishingALabel() throws Exception {
        HttpResponse<String> response = Browser.api(port, "POST", "/api/v1/alerts/tx-act-escalate/escalation",
                token("carol", Roles.ANALYST), "{\"expectedStatus\":\"OPEN\",\"note\":\"needs a second opinion\"}");
        HttpResponse<String> again = Browser.api(port, "POST", "/api/v1/alerts/tx-act-escalate/escalation",
                token("carol", Roles.ANALYST), "{\"expectedStatus\":\"ESCALATED\",\"note\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"statusAfter\":\"ESCALATED\"").doesNotContain("\"topic\"");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("An alert that is ESCALATED cannot be given ESCALATE");
        assertThat(Fixtures.alertRow("tx-act-escalate", "status", "resolved_at"))
                .containsEntry("status", "ESCALATED").containsEntry("resolved_at", null);
        assertThat(records(Topics.LABELS_NAME, "tx-act-escalate", Topics.LABELS)).isEmpty();
    }

    @Test
    void blocksTheCardWithAListEntryOnlyForAnAdmin() throws Exception {
        HttpResponse<String> byAnalyst = Browser.api(port, "POST", "/api/v1/alerts/tx-act-block/card-block",
                token("dave", Roles.ANALYST), "{\"note\":\"fraud ring\"}");
        HttpResponse<String> byAdmin = Browser.api(port, "POST", "/api/v1/alerts/tx-act-block/card-block",
                token("erin", Roles.ADMIN), "{\"note\":\"fraud ring\"}");

        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(byAdmin.body()).contains("\"action\":\"BLOCK_CARD\"", "\"topic\":\"card-lists\"",
                "\"key\":\"card:card-act-5\"");
        List<ConsumerRecord<String, ListEntry>> entries = records(Topics.CARD_LISTS_NAME, "card:card-act-5",
                Topics.CARD_LISTS);
        assertThat(entries).extracting(ConsumerRecord::value).containsExactly(
                new ListEntry(ListEntry.ListType.BLOCK, "fraud ring (erin, alert tx-act-block)"));
        assertThat(Fixtures.auditRows("tx-act-block")).containsExactly(
                "BLOCK_CARD erin fraud ring {} {\"key\": \"card:card-act-5\", \"cardList\": \"BLOCK\"}");
        assertThat(Fixtures.alertRow("tx-act-block", "status")).isEqualTo(Map.of("status", "CONFIRMED_FRAUD"));
    }

    private String token(String name, String role) {
        return tokens.generateToken(Authentication.build(name, List.of(role)), 600).orElseThrow();
    }

    private static <V> List<ConsumerRecord<String, V>> records(String topic, String key,
                                                               io.cardwatch.events.Topic<String, V> contract) {
        return TopicContents.readAll(ConsoleTestServers.get().bootstrapServers(), topic,
                        contract.keySerde().deserializer(), contract.valueSerde().deserializer()).stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }
}

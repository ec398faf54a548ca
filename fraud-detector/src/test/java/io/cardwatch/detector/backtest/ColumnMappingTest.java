package io.cardwatch.detector.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    private static final Map<String, String> DEFAULT_ROW = Map.ofEntries(
            Map.entry("transactionId", "tx-1"), Map.entry("cardId", "card-1"), Map.entry("amount", "12.50"),
            Map.entry("currency", "EUR"), Map.entry("merchantId", "m-1"), Map.entry("merchantCategory", "5411"),
            Map.entry("country", "DE"), Map.entry("latitude", "52.52"), Map.entry("longitude", "13.405"),
            Map.entry("eventTime", "2026-11-22T10:00:00Z"), Map.entry("channel", ""), Map.entry("fraud", "false"),
            Map.entry("scenario", ""), Map.entry("episode", "0"));

    @Test
    void readsTheDefaultLayoutByColumnName() {
        ColumnMapping mapping = ColumnMapping.defaultLayout();

        LabelledTransaction read = mapping.transactionIn(DEFAULT_ROW::get);

        assertThat(read).isEqualTo(new LabelledTransaction(new Transaction("tx-1", "card-1", new BigDecimal("12.50"),
                "EUR", "m-1", "5411", "DE", 52.52, 13.405, Instant.parse("2026-11-22T10:00:00Z"), null), false, null));
    }

    @Test
    void readsEventTimesInEveryFormat() throws IOException {
        assertThat(eventTime("eventTime.format=iso", "2026-11-22T11:00:00+01:00"))
                .isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(eventTime("eventTime.format=iso\neventTime.zone=Europe/Berlin", "2026-11-22T11:00:00"))
                .isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(eventTime("eventTime.format=epoch-seconds", "1795341600.25"))
                .isEqualTo(Instant.parse("2026-11-22T10:00:00.250Z"));
        assertThat(eventTime("eventTime.format=epoch-millis", "1795341600250"))
                .isEqualTo(Instant.parse("2026-11-22T10:00:00.250Z"));
        assertThat(eventTime("eventTime.format=dd/MM/yyyy HH:mm\neventTime.zone=America/New_York", "22/11/2026 05:00"))
                .isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void tellsFraudByTheConfiguredValuesWhateverTheirCase() throws IOException {
        ColumnMapping mapping = mapping("fraud=label\nfraud.values=Fraud, chargeback");

        assertThat(List.of("FRAUD", "Chargeback", "fraudulent", "legit", "0").stream()
                .map(label -> mapping.transactionIn(row(Map.of("label", label))::get).fraud()).toList())
                .containsExactly(true, true, false, false, false);
    }

    @Test
    void takesConstantsForFieldsTheFileLacks() throws IOException {
        ColumnMapping mapping = mapping("currency=const:USD\ncountry=const:US");
        Map<String, String> row = row(Map.of());
        row.remove("currency");
        row.remove("country");

        Transaction read = mapping.transactionIn(row::get).transaction();

        assertThat(List.of(read.currency(), read.country())).containsExactly("USD", "US");
        assertThat(mapping.missingColumns(row.keySet())).isEmpty();
    }

    @Test
    void mapsChannelValuesBySubstringInOrderAndLeavesTheRestUnknown() throws IOException {
        ColumnMapping mapping = mapping("channel=category\nchannel.values=pos:CARD_PRESENT,net:ECOMMERCE,atm:ATM");

        assertThat(List.of("grocery_pos", "SHOPPING_NET", "atm_cash", "gas_transport", "").stream()
                .map(category -> mapping.transactionIn(row(Map.of("category", category))::get).transaction().channel())
                .toList())
                .containsExactly(Channel.CARD_PRESENT, Channel.ECOMMERCE, Channel.ATM, null, null);
    }

    @Test
    void readsChannelsByNameWithoutAValueMapping() {
        ColumnMapping mapping = ColumnMapping.defaultLayout();

        assertThat(mapping.transactionIn(row(Map.of("channel", "ecommerce"))::get).transaction().channel())
                .isEqualTo(Channel.ECOMMERCE);
        assertThatThrownBy(() -> mapping.transactionIn(row(Map.of("channel", "POS"))::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 'POS' is not one of [CARD_PRESENT, ECOMMERCE, ATM, MAIL_PHONE]");
    }

    @Test
    void namesEveryProblemOfARowAtOnce() throws IOException {
        ColumnMapping mapping = mapping("cardId=cc_num\neventTime.format=epoch-millis");
        Map<String, String> row = row(Map.of("amount", "-3.00", "latitude", "north", "eventTime", "yesterday",
                "fraud", " "));

        assertThatThrownBy(() -> mapping.transactionIn(row::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cardId is missing (column cc_num), amount '-3.00' is not a positive amount, "
                        + "latitude 'north' is not a number, eventTime 'yesterday' is not a time in format epoch-millis, "
                        + "fraud is missing (column fraud)");
    }

    @Test
    void namesTheFieldsWhoseColumnTheHeaderLacks() throws IOException {
        ColumnMapping mapping = mapping("cardId=cc_num\nchannel=txn_type\ncurrency=const:USD");

        assertThat(mapping.missingColumns(DEFAULT_ROW.keySet()))
                .containsExactly("cardId (column cc_num)", "channel (column txn_type)");
        assertThat(ColumnMapping.defaultLayout().missingColumns(List.of("transactionId", "cardId", "amount",
                "currency", "merchantId", "merchantCategory", "country", "latitude", "longitude", "eventTime", "fraud")))
                .as("the default layout's scenario and channel columns are optional")
                .isEmpty();
    }

    @Test
    void refusesAMappingWithAnUnknownKeyOrABadSetting() {
        assertThatThrownBy(() -> mapping("amout=amt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown keys [amout]; the keys are [transactionId, cardId, amount,");
        assertThatThrownBy(() -> mapping("eventTime.zone=Mars/Olympus"))
                .hasMessage("eventTime.zone 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> mapping("channel.values=pos:TERMINAL"))
                .hasMessage("channel.values entry 'pos:TERMINAL' is not substring:CHANNEL with CHANNEL one of "
                        + "[CARD_PRESENT, ECOMMERCE, ATM, MAIL_PHONE]");
    }

    private static Instant eventTime(String properties, String value) throws IOException {
        return mapping(properties).transactionIn(row(Map.of("eventTime", value))::get).transaction().eventTime();
    }

    private static ColumnMapping mapping(String properties) throws IOException {
        Properties loaded = new Properties();
        loaded.load(new StringReader(properties));
        return ColumnMapping.of(loaded);
    }

    /** The default row with some columns changed or added. */
    private static Map<String, String> row(Map<String, String> changes) {
        Map<String, String> row = new HashMap<>(DEFAULT_ROW);
        row.putAll(changes);
        return row;
    }
}

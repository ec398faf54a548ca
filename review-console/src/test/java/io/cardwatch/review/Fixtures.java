package io.cardwatch.review;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scored transactions written straight into PostgreSQL as the detector writes them: a decision, and for REVIEW
 * and DECLINE its alert. Defaults fill what a test does not care about.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** Empties the review tables and the decisions, so that a test class sees only its own rows. */
    public static void clear() throws SQLException {
        try (Connection connection = ConsoleTestServers.get().connection();
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE alert_actions, alerts, decisions");
        }
    }

    public static Scored scored(String transactionId) {
        return new Scored(transactionId);
    }

    /** The alert's row as {@code column=value} pairs, for exact checks. */
    public static Map<String, String> alertRow(String transactionId, String... columns) throws SQLException {
        String sql = "SELECT " + String.join(", ", columns) + " FROM alerts WHERE transaction_id = ?";
        try (Connection connection = ConsoleTestServers.get().connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, transactionId);
            try (ResultSet row = statement.executeQuery()) {
                Map<String, String> values = new LinkedHashMap<>();
                if (row.next()) {
                    for (String column : columns) {
                        values.put(column, row.getString(column));
                    }
                }
                return values;
            }
        }
    }

    /** The audit rows of an alert, each as {@code action analyst note before after}. */
    public static List<String> auditRows(String transactionId) throws SQLException {
        try (Connection connection = ConsoleTestServers.get().connection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT action, analyst, note, before::text AS before, after::text AS after
                     FROM alert_actions WHERE transaction_id = ? ORDER BY id""")) {
            statement.setString(1, transactionId);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(List.of(row.getString("action"), row.getString("analyst"), row.getString("note"),
                            row.getString("before"), row.getString("after")).stream().collect(Collectors.joining(" ")));
                }
            }
            return rows;
        }
    }

    /** One scored transaction; {@link #insert()} writes it. */
    public static final class Scored {

        private final String transactionId;
        private String cardId = "card-1";
        private String outcome = "REVIEW";
        private int score = 400;
        private String reasons = "[{\"code\":\"LARGE_AMOUNT\",\"points\":400,\"detail\":\"amount 5000.00 EUR at or over 5000\"}]";
        private BigDecimal amount = new BigDecimal("5000.00");
        private String currency = "EUR";
        private String merchantId = "m-1";
        private String merchantCategory = "5411";
        private String country = "DE";
        private Double latitude = 52.52;
        private Double longitude = 13.405;
        private String channel = "CARD_PRESENT";
        private Instant eventTime = Instant.parse("2026-11-20T10:00:00Z");
        private Instant raisedAt;
        private String status = "OPEN";

        private Scored(String transactionId) {
            this.transactionId = transactionId;
        }

        public Scored card(String value) {
            cardId = value;
            return this;
        }

        public Scored outcome(String value) {
            outcome = value;
            return this;
        }

        public Scored score(int value) {
            score = value;
            return this;
        }

        /** Reasons as {@code CODE:points} pairs, with a detail made from them. */
        public Scored reasons(String... codes) {
            StringBuilder json = new StringBuilder("[");
            for (String code : codes) {
                String[] parts = code.split(":");
                json.append(json.length() > 1 ? "," : "").append("{\"code\":\"").append(parts[0])
                        .append("\",\"points\":").append(parts[1]).append(",\"detail\":\"").append(parts[0].toLowerCase())
                        .append(" detail\"}");
            }
            reasons = json.append(']').toString();
            return this;
        }

        public Scored amount(String value, String currencyCode) {
            amount = new BigDecimal(value);
            currency = currencyCode;
            return this;
        }

        public Scored merchant(String value) {
            merchantId = value;
            return this;
        }

        public Scored facts(String category, String countryCode, Double lat, Double lon, String channelName) {
            merchantCategory = category;
            country = countryCode;
            latitude = lat;
            longitude = lon;
            channel = channelName;
            return this;
        }

        public Scored at(String instant) {
            eventTime = Instant.parse(instant);
            return this;
        }

        public Scored raisedAt(String instant) {
            raisedAt = Instant.parse(instant);
            return this;
        }

        public Scored status(String value) {
            status = value;
            return this;
        }

        public void insert() throws SQLException {
            try (Connection connection = ConsoleTestServers.get().connection()) {
                try (PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO decisions (transaction_id, card_id, outcome, score, reasons, amount, currency,
                            merchant_id, rules_version, event_time, decided_at, merchant_category, country, latitude,
                            longitude, channel)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, '1', ?, ?, ?, ?, ?, ?, ?)""")) {
                    statement.setString(1, transactionId);
                    statement.setString(2, cardId);
                    statement.setString(3, outcome);
                    statement.setInt(4, score);
                    statement.setString(5, reasons);
                    statement.setBigDecimal(6, amount);
                    statement.setString(7, currency);
                    statement.setString(8, merchantId);
                    statement.setTimestamp(9, Timestamp.from(eventTime));
                    statement.setTimestamp(10, Timestamp.from(eventTime.plusMillis(20)));
                    statement.setString(11, merchantCategory);
                    statement.setString(12, country);
                    statement.setObject(13, latitude, Types.DOUBLE);
                    statement.setObject(14, longitude, Types.DOUBLE);
                    statement.setString(15, channel);
                    statement.executeUpdate();
                }
                if (outcome.equals("APPROVE")) {
                    return;
                }
                try (PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO alerts (transaction_id, card_id, outcome, score, reasons, event_time, raised_at,
                            status, amount, currency, merchant_id, merchant_category, country, channel, resolved_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    Instant raised = raisedAt == null ? eventTime.plusMillis(50) : raisedAt;
                    statement.setString(1, transactionId);
                    statement.setString(2, cardId);
                    statement.setString(3, outcome);
                    statement.setInt(4, score);
                    statement.setString(5, reasons);
                    statement.setTimestamp(6, Timestamp.from(eventTime));
                    statement.setTimestamp(7, Timestamp.from(raised));
                    statement.setString(8, status);
                    statement.setBigDecimal(9, amount);
                    statement.setString(10, currency);
                    statement.setString(11, merchantId);
                    statement.setString(12, merchantCategory);
                    statement.setString(13, country);
                    statement.setString(14, channel);
                    boolean resolved = status.equals("CONFIRMED_FRAUD") || status.equals("LEGITIMATE");
                    statement.setTimestamp(15, resolved ? Timestamp.from(raised.plusSeconds(600)) : null);
                    statement.executeUpdate();
                }
            }
        }
    }
}

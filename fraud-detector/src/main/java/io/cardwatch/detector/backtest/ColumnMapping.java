package io.cardwatch.detector.backtest;

import io.cardwatch.events.Channel;
import io.cardwatch.events.LabelledHistory;
import io.cardwatch.events.Transaction;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where each field of a labelled transaction is in a history file, so that a fraud team's own export is read
 * as it is: per field the source column or a constant, how event times are written, which label values mean
 * fraud, and how channel values map to channels. Read from a {@code .properties} file (docs/backtest.md); a
 * field it does not name is read from the column of Cardwatch's own layout ({@link LabelledHistory#COLUMNS}).
 */
public final class ColumnMapping {

    static final String TRANSACTION_ID = "transactionId";
    static final String CARD_ID = "cardId";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String MERCHANT_ID = "merchantId";
    static final String MERCHANT_CATEGORY = "merchantCategory";
    static final String COUNTRY = "country";
    static final String LATITUDE = "latitude";
    static final String LONGITUDE = "longitude";
    static final String EVENT_TIME = "eventTime";
    static final String CHANNEL = "channel";
    static final String FRAUD = "fraud";
    static final String SCENARIO = "scenario";

    /** Every row must give these: the transaction fields the detector refuses a transaction without, and the label. */
    private static final List<String> REQUIRED = List.of(TRANSACTION_ID, CARD_ID, AMOUNT, CURRENCY, MERCHANT_ID,
            MERCHANT_CATEGORY, COUNTRY, LATITUDE, LONGITUDE, EVENT_TIME, FRAUD);
    private static final List<String> OPTIONAL = List.of(CHANNEL, SCENARIO);

    static final String EVENT_TIME_FORMAT = "eventTime.format";
    static final String EVENT_TIME_ZONE = "eventTime.zone";
    static final String FRAUD_VALUES = "fraud.values";
    static final String CHANNEL_VALUES = "channel.values";
    private static final List<String> SETTINGS = List.of(EVENT_TIME_FORMAT, EVENT_TIME_ZONE, FRAUD_VALUES,
            CHANNEL_VALUES);

    private static final String CONSTANT = "const:";
    private static final String ISO = "iso";
    private static final String EPOCH_SECONDS = "epoch-seconds";
    private static final String EPOCH_MILLIS = "epoch-millis";
    private static final String DEFAULT_FRAUD_VALUES = "1,true,yes,fraud";

    private final Map<String, Source> sources;
    private final String eventTimeFormat;
    private final Function<String, Instant> eventTimes;
    private final Set<String> fraudValues;
    private final Map<String, Channel> channelValues;

    private ColumnMapping(Map<String, Source> sources, String eventTimeFormat, Function<String, Instant> eventTimes,
                          Set<String> fraudValues, Map<String, Channel> channelValues) {
        this.sources = sources;
        this.eventTimeFormat = eventTimeFormat;
        this.eventTimes = eventTimes;
        this.fraudValues = fraudValues;
        this.channelValues = channelValues;
    }

    /** Cardwatch's own layout, which the simulator writes: every field in the column of its name. */
    public static ColumnMapping defaultLayout() {
        return of(new Properties());
    }

    /** The mapping in a {@code .properties} file (UTF-8). */
    public static ColumnMapping read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        try {
            return of(properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Mapping " + file + ": " + e.getMessage(), e);
        }
    }

    static ColumnMapping of(Properties properties) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        REQUIRED.forEach(unknown::remove);
        OPTIONAL.forEach(unknown::remove);
        SETTINGS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown keys " + unknown + "; the keys are " + REQUIRED + ", "
                    + OPTIONAL + " and " + SETTINGS);
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        REQUIRED.forEach(field -> sources.put(field, Source.of(properties.getProperty(field, field), true)));
        // An optional column of the default layout may be absent (older files have no scenario); one the mapping
        // names must be there, or the mapping has a typo.
        OPTIONAL.forEach(field -> sources.put(field, Source.of(properties.getProperty(field, field),
                properties.containsKey(field))));
        String format = properties.getProperty(EVENT_TIME_FORMAT, ISO).trim();
        ZoneId zone = zone(properties.getProperty(EVENT_TIME_ZONE, "UTC").trim());
        Set<String> fraudValues = Arrays.stream(properties.getProperty(FRAUD_VALUES, DEFAULT_FRAUD_VALUES).split(","))
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new ColumnMapping(Map.copyOf(sources), format, eventTimes(format, zone), fraudValues,
                channelValues(properties.getProperty(CHANNEL_VALUES)));
    }

    /**
     * The fields whose column {@code header} lacks, each with the column it was looked for in; empty when
     * every row can be read.
     */
    List<String> missingColumns(Collection<String> header) {
        return sources.entrySet().stream()
                .filter(entry -> entry.getValue().mustExist() && entry.getValue().column() != null
                        && !header.contains(entry.getValue().column()))
                .map(entry -> entry.getKey() + " (column " + entry.getValue().column() + ")")
                .sorted()
                .toList();
    }

    /**
     * The labelled transaction in a row, given as its value by column name (null when absent).
     *
     * @throws IllegalArgumentException naming everything wrong with the row
     */
    LabelledTransaction transactionIn(Function<String, String> row) {
        List<String> problems = new ArrayList<>();
        String transactionId = value(row, TRANSACTION_ID, "text", text -> text, problems);
        String cardId = value(row, CARD_ID, "text", text -> text, problems);
        BigDecimal amount = value(row, AMOUNT, "a positive amount", ColumnMapping::positiveAmount, problems);
        String currency = value(row, CURRENCY, "text", text -> text, problems);
        String merchantId = value(row, MERCHANT_ID, "text", text -> text, problems);
        String merchantCategory = value(row, MERCHANT_CATEGORY, "text", text -> text, problems);
        String country = value(row, COUNTRY, "text", text -> text, problems);
        Double latitude = value(row, LATITUDE, "a number", ColumnMapping::number, problems);
        Double longitude = value(row, LONGITUDE, "a number", ColumnMapping::number, problems);
        Instant eventTime = value(row, EVENT_TIME, "a time in format " + eventTimeFormat, eventTimes, problems);
        Boolean fraud = value(row, FRAUD, "a label", text -> fraudValues.contains(text.toLowerCase(Locale.ROOT)),
                problems);
        String channelText = sources.get(CHANNEL).valueIn(row);
        Channel channel = null;
        if (!blank(channelText)) {
            try {
                channel = channel(channelText.trim());
            } catch (IllegalArgumentException e) {
                problems.add("channel '" + channelText + "' is not one of " + Arrays.toString(Channel.values()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", problems));
        }
        String scenario = sources.get(SCENARIO).valueIn(row);
        return new LabelledTransaction(new Transaction(transactionId, cardId, amount, currency, merchantId,
                merchantCategory, country, latitude, longitude, eventTime, channel), fraud,
                blank(scenario) ? null : scenario.trim());
    }

    private <T> T value(Function<String, String> row, String field, String expected, Function<String, T> parse,
                        List<String> problems) {
        Source source = sources.get(field);
        String text = source.valueIn(row);
        if (blank(text)) {
            problems.add(field + " is missing (" + source + ")");
            return null;
        }
        try {
            return parse.apply(text.trim());
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            problems.add(field + " '" + text + "' is not " + expected);
            return null;
        }
    }

    // Without a value mapping a channel is written by name, as on the wire; with one, a value naming none of
    // its substrings is a channel the file does not know, as an empty one is.
    private Channel channel(String text) {
        if (channelValues.isEmpty()) {
            return Channel.valueOf(text.toUpperCase(Locale.ROOT));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return channelValues.entrySet().stream()
                .filter(entry -> lower.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static BigDecimal positiveAmount(String text) {
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("not positive");
        }
        return amount;
    }

    // Strict decimal syntax: Double.valueOf would also take "NaN", "Infinity" and "1.5d".
    private static Double number(String text) {
        return new BigDecimal(text).doubleValue();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(EVENT_TIME_ZONE + " '" + zone + "' is not a time zone", e);
        }
    }

    private static Function<String, Instant> eventTimes(String format, ZoneId zone) {
        return switch (format) {
            case EPOCH_SECONDS -> text -> {
                BigDecimal seconds = new BigDecimal(text);
                return Instant.ofEpochSecond(0).plusNanos(seconds.movePointRight(9).longValueExact());
            };
            case EPOCH_MILLIS -> text -> Instant.ofEpochMilli(Long.parseLong(text));
            case ISO -> text -> instant(DateTimeFormatter.ISO_DATE_TIME.parse(text), zone);
            default -> {
                DateTimeFormatter pattern = pattern(format);
                yield text -> instant(pattern.parse(text), zone);
            }
        };
    }

    private static DateTimeFormatter pattern(String format) {
        try {
            return DateTimeFormatter.ofPattern(format, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EVENT_TIME_FORMAT + " '" + format + "' is neither " + ISO + ", "
                    + EPOCH_SECONDS + ", " + EPOCH_MILLIS + " nor a date-time pattern: " + e.getMessage(), e);
        }
    }

    // A time written with its offset or zone is that instant; one without is local time in eventTime.zone.
    private static Instant instant(TemporalAccessor parsed, ZoneId zone) {
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return Instant.from(parsed);
        }
        return LocalDateTime.from(parsed).atZone(zone).toInstant();
    }

    private static Map<String, Channel> channelValues(String spec) {
        Map<String, Channel> values = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return values;
        }
        for (String pair : spec.split(",")) {
            int colon = pair.lastIndexOf(':');
            String substring = colon < 0 ? "" : pair.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String channel = colon < 0 ? "" : pair.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
            if (substring.isEmpty() || Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
                throw new IllegalArgumentException(CHANNEL_VALUES + " entry '" + pair.trim()
                        + "' is not substring:CHANNEL with CHANNEL one of " + Arrays.toString(Channel.values()));
            }
            values.put(substring, Channel.valueOf(channel));
        }
        return values;
    }

    /**
     * Where a field's value comes from: a column of the file, or a constant for a field the file lacks.
     *
     * @param mustExist whether a header without the column makes the file unreadable
     */
    private record Source(String column, String constant, boolean mustExist) {

        static Source of(String spec, boolean mustExist) {
            String trimmed = spec.trim();
            return trimmed.startsWith(CONSTANT) ? new Source(null, trimmed.substring(CONSTANT.length()), false)
                    : new Source(trimmed, null, mustExist);
        }

        String valueIn(Function<String, String> row) {
            return constant != null ? constant : row.apply(column);
        }

        @Override
        public String toString() {
            return constant != null ? "constant '" + constant + "'" : "column " + column;
        }
    }
}

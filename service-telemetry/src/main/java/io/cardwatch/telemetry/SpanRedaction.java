package io.cardwatch.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps card IDs out of every exported span. Cardwatch keys its records by card, and the Kafka client
 * instrumentation records each record's key as {@code messaging.kafka.message.key}, with no option to stop it:
 * the attribute is removed here. Card IDs in URLs (the profile query's path, a {@code cardId} filter of the review
 * console) are replaced by a placeholder. Spans are immutable once ended, so this wraps the exporter rather than
 * being a span processor.
 */
final class SpanRedaction implements SpanExporter {

    static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final List<AttributeKey<String>> URLS = List.of(AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("url.path"), AttributeKey.stringKey("url.query"));
    private static final Pattern CARD_IN_PATH = Pattern.compile("/cards/[^/?#]+");
    private static final Pattern CARD_IN_QUERY = Pattern.compile("(^|[?&])cardId=[^&#]*");

    private final SpanExporter exporter;

    SpanRedaction(SpanExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return exporter.export(spans.stream().map(SpanRedaction::redacted).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return exporter.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }

    @Override
    public String toString() {
        return "SpanRedaction{" + exporter + "}";
    }

    private static SpanData redacted(SpanData span) {
        Attributes attributes = span.getAttributes();
        if (attributes.get(MESSAGE_KEY) == null && URLS.stream().allMatch(url -> attributes.get(url) == null)) {
            return span;
        }
        AttributesBuilder kept = attributes.toBuilder().remove(MESSAGE_KEY);
        for (AttributeKey<String> url : URLS) {
            String value = attributes.get(url);
            if (value != null) {
                kept.put(url, withoutCardId(value));
            }
        }
        Attributes redacted = kept.build();
        int removed = attributes.size() - redacted.size();
        return new DelegatingSpanData(span) {
            @Override
            public Attributes getAttributes() {
                return redacted;
            }

            @Override
            public int getTotalAttributeCount() {
                return span.getTotalAttributeCount() - removed;
            }
        };
    }

    static String withoutCardId(String url) {
        String path = CARD_IN_PATH.matcher(url).replaceAll("/cards/{cardId}");
        return CARD_IN_QUERY.matcher(path).replaceAll("$1cardId={cardId}");
    }
}

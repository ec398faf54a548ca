package io.cardwatch.events;

/**
 * One entry of the blocklists and allowlists: the record on the compacted {@code card-lists} topic. The key
 * names what is listed, {@code card:<cardId>} or {@code merchant:<merchantId>}; a tombstone removes it.
 */
public record ListEntry(ListType list, String note) {

    /** Which list an entry belongs to. */
    public enum ListType {
        BLOCK,
        ALLOW
    }

    public static String cardKey(String cardId) {
        return "card:" + cardId;
    }

    public static String merchantKey(String merchantId) {
        return "merchant:" + merchantId;
    }
}

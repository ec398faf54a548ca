package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.ListEntry;

/**
 * Everything known about a transaction's card and merchant before it is scored: the card's profile (its
 * habits and recent transactions), and the list entries of the card and the merchant (null when not listed).
 */
public record Evidence(CardProfile profile, ListEntry cardEntry, ListEntry merchantEntry) {

    public boolean cardOn(ListEntry.ListType list) {
        return cardEntry != null && cardEntry.list() == list;
    }

    public boolean merchantOn(ListEntry.ListType list) {
        return merchantEntry != null && merchantEntry.list() == list;
    }
}

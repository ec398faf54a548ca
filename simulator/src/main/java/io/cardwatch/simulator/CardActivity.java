package io.cardwatch.simulator;

import io.cardwatch.events.Channel;
import java.util.HashMap;
import java.util.Map;

/**
 * What each card has done so far in the run: how many legitimate transactions it has (its history), whether
 * it was ever used without being at the terminal, whether a fraud episode hit it, and whether its holder
 * has taken to buying online.
 */
final class CardActivity {

    private final Map<String, Entry> entries = new HashMap<>();

    /** Records a transaction as it is generated (a fraud episode's later transactions included). */
    void record(Card card, Channel channel, Scenario scenario) {
        Entry entry = entry(card);
        if (scenario.isFraud()) {
            entry.compromised = true;
        } else {
            entry.legitimate++;
        }
        if (!channel.cardPresent()) {
            entry.usedNotPresent = true;
        }
    }

    void tookToBuyingOnline(Card card) {
        entry(card).buysOnline = true;
    }

    /** Legitimate transactions of the card so far. */
    int history(Card card) {
        Entry entry = entries.get(card.cardId());
        return entry == null ? 0 : entry.legitimate;
    }

    boolean compromised(Card card) {
        Entry entry = entries.get(card.cardId());
        return entry != null && entry.compromised;
    }

    /** Whether every transaction of the card so far, if any, had the card at the terminal. */
    boolean onlyEverPresent(Card card) {
        Entry entry = entries.get(card.cardId());
        return entry == null || !entry.usedNotPresent;
    }

    /** The card's channel habit, with online purchases once its holder has made a first one. */
    ChannelHabit channels(Card card) {
        Entry entry = entries.get(card.cardId());
        return entry != null && entry.buysOnline ? card.channels().buyingOnlineAtLeast(0.05) : card.channels();
    }

    private Entry entry(Card card) {
        return entries.computeIfAbsent(card.cardId(), id -> new Entry());
    }

    private static final class Entry {
        int legitimate;
        boolean usedNotPresent;
        boolean compromised;
        boolean buysOnline;
    }
}

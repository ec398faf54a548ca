package io.cardwatch.detector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * What the rules' tests give a rule: the rule as the detector runs it by default, purchases of one card, and
 * the card's profile after them, learnt with the detector's default settings.
 */
final class RuleFixtures {

    static final String CARD = "card-1";
    /** The detector's defaults: habit half-life P30D, activity kept 24 h + 1 h grace, IDs P7D. */
    static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));

    private RuleFixtures() {
    }

    /** The rule reported as {@code code}, with the default parameters. */
    static ScoringRule byDefault(String code) {
        return Rules.all(RuleParameters.DEFAULTS).stream()
                .filter(rule -> rule.code().equals(code))
                .findFirst().orElseThrow();
    }

    /** What {@code rule} finds on {@code transaction} of a card with {@code profile}, on no list. */
    static Optional<String> evaluate(ScoringRule rule, Transaction transaction, CardProfile profile) {
        return rule.evaluate(transaction, new Evidence(profile, null, null));
    }

    /** How much of its weight {@code rule} gives what it finds on {@code transaction}, which it must find. */
    static double strengthOfFinding(ScoringRule rule, Transaction transaction, CardProfile profile) {
        Evidence evidence = new Evidence(profile, null, null);
        assertThat(rule.evaluate(transaction, evidence)).isPresent();
        return rule.strength(transaction, evidence);
    }

    /** A purchase of 20.00 EUR at merchant m-1, a grocery (5411), in Berlin, in person: change what matters. */
    static Purchase purchase() {
        return new Purchase();
    }

    /** The card's profile after {@code transactions}, in that order. */
    static CardProfile learnt(List<Transaction> transactions) {
        CardProfile profile = CardProfile.empty(CARD);
        for (Transaction transaction : transactions) {
            profile = profile.with(transaction, SETTINGS);
        }
        return profile;
    }

    /** The card's profile after {@code purchases}, one a day on the days before {@code time}, at its time of day. */
    static CardProfile learntDaily(List<Purchase> purchases, Instant time) {
        return learnt(IntStream.range(0, purchases.size())
                .mapToObj(i -> purchases.get(i).on(time.minus(Duration.ofDays(purchases.size() - i)))
                        .transaction("tx-" + i))
                .toList());
    }

    /**
     * The card's profile after {@code earlier}, purchases like {@code like} in the order they arrived, each
     * {@code seconds-before-time amount [currency]} and separated by {@code ;} ({@code null}: none).
     */
    static CardProfile learntBefore(String earlier, Purchase like, Instant time) {
        if (earlier == null) {
            return CardProfile.empty(CARD);
        }
        String[] purchases = earlier.split(";");
        return learnt(IntStream.range(0, purchases.length)
                .mapToObj(i -> {
                    String[] fields = purchases[i].trim().split("\\s+");
                    return like.of(fields[1], fields.length > 2 ? fields[2] : like.currency)
                            .on(time.minusSeconds(Long.parseLong(fields[0])))
                            .transaction("tx-earlier-" + i);
                })
                .toList());
    }

    /** The groups of a table's history, {@code count fields...} separated by {@code ;}, each fields count times. */
    static List<String[]> repeated(String groups) {
        return Arrays.stream(groups.split(";"))
                .map(group -> group.trim().split("\\s+"))
                .flatMap(fields -> Collections.nCopies(Integer.parseInt(fields[0]),
                        Arrays.copyOfRange(fields, 1, fields.length)).stream())
                .toList();
    }

    /** A channel in a table: {@code unknown} is one the producer did not say. */
    static Channel channel(String name) {
        return name.equals("unknown") ? null : Channel.valueOf(name);
    }

    /** A purchase of the card, each change a new one, made a transaction once it is as the test needs it. */
    static final class Purchase {

        private BigDecimal amount = new BigDecimal("20.00");
        private String currency = "EUR";
        private String merchant = "m-1";
        private String category = "5411";
        private String country = "DE";
        private double latitude = 52.52;
        private double longitude = 13.405;
        private Instant time = Instant.parse("2026-11-20T12:00:00Z");
        private Channel channel = Channel.CARD_PRESENT;

        private Purchase() {
        }

        Purchase of(String amount, String currency) {
            return with(changed -> {
                changed.amount = new BigDecimal(amount);
                changed.currency = currency;
            });
        }

        Purchase at(String merchant, String category) {
            return with(changed -> {
                changed.merchant = merchant;
                changed.category = category;
            });
        }

        Purchase in(String country, double latitude, double longitude) {
            return with(changed -> {
                changed.country = country;
                changed.latitude = latitude;
                changed.longitude = longitude;
            });
        }

        Purchase on(Instant time) {
            return with(changed -> changed.time = time);
        }

        Purchase by(Channel channel) {
            return with(changed -> changed.channel = channel);
        }

        Transaction transaction(String id) {
            return new Transaction(id, CARD, amount, currency, merchant, category, country, latitude, longitude, time,
                    channel);
        }

        private Purchase with(Consumer<Purchase> change) {
            Purchase changed = new Purchase();
            changed.amount = amount;
            changed.currency = currency;
            changed.merchant = merchant;
            changed.category = category;
            changed.country = country;
            changed.latitude = latitude;
            changed.longitude = longitude;
            changed.time = time;
            changed.channel = channel;
            change.accept(changed);
            return changed;
        }
    }
}

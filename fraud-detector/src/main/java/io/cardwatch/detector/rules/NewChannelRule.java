package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags a card-not-present transaction (online, mail or phone) on a card that is hardly ever used that way:
 * its number may have been skimmed and is now being spent online.
 */
final class NewChannelRule extends Rule {

    static final String CODE = "NEW_CHANNEL";
    // Under a tenth of its history: a card that buys online now and then is not flagged; the first few online
    // purchases of one that never did are.
    private static final double RARELY = 0.1;

    private final double minHistory;

    NewChannelRule(double minHistory) {
        super(CODE, 150);
        this.minHistory = minHistory;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        Channel channel = transaction.channel();
        CardProfile profile = evidence.profile();
        if (channel == null || channel.cardPresent() || !History.atLeast(profile.knownChannelWeight(), minHistory)) {
            return Optional.empty();
        }
        double notPresent = profile.channelWeight(Channel.ECOMMERCE) + profile.channelWeight(Channel.MAIL_PHONE);
        double share = notPresent / profile.knownChannelWeight();
        if (share >= RARELY) {
            return Optional.empty();
        }
        return facts("%s on a card used in person in %.0f%% of its %.0f transactions, limit %.0f%% online",
                channel, 100 * (1 - share), profile.knownChannelWeight(), 100 * RARELY);
    }
}

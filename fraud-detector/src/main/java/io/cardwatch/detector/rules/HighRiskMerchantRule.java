package io.cardwatch.detector.rules;

import io.cardwatch.events.Transaction;
import java.util.Optional;
import java.util.Set;

/** Flags merchant categories (ISO 18245 codes) where fraud concentrates, such as gambling or quasi-cash. */
final class HighRiskMerchantRule extends Rule {

    static final String CODE = "HIGH_RISK_MERCHANT";

    private final Set<String> categories;

    HighRiskMerchantRule(Set<String> categories) {
        super(CODE, 150);
        this.categories = Set.copyOf(categories);
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        if (!categories.contains(transaction.merchantCategory())) {
            return Optional.empty();
        }
        return Optional.of("merchant category " + transaction.merchantCategory() + " is high risk");
    }
}

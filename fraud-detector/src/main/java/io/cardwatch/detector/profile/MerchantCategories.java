package io.cardwatch.detector.profile;

/**
 * Groups merchant category codes (ISO 18245) into the kinds of shop a cardholder's spending differs between:
 * a card's usual grocery bill says little about its usual flight. A category that is not a four-digit code
 * (a producer's own category names) is its own group.
 */
public final class MerchantCategories {

    private MerchantCategories() {
    }

    /** The group of {@code category}, for example {@code travel} for 4511 (airlines). */
    public static String group(String category) {
        if (category == null || category.length() != 4 || !category.chars().allMatch(Character::isDigit)) {
            return category;
        }
        int code = Integer.parseInt(category);
        // Single codes first: some sit inside the ranges below (4829, money transfer, among transport codes).
        if (code == 4829 || code >= 6010 && code <= 6012 || code == 6050 || code == 6051 || code == 6540) {
            return "cash-and-transfers";
        }
        if (code >= 3000 && code < 4000 || code == 4511 || code == 4722 || code == 7011 || code == 7512) {
            return "travel";
        }
        if (code == 5411 || code == 5422 || code == 5441 || code == 5451 || code == 5462 || code == 5499) {
            return "groceries";
        }
        if (code >= 5811 && code <= 5814) {
            return "eating-out";
        }
        if (code == 5541 || code == 5542 || code == 5172 || code == 5983) {
            return "fuel";
        }
        if (code >= 5815 && code <= 5818) {
            return "digital-goods";
        }
        if (code >= 5722 && code <= 5735 || code == 5045 || code == 5946) {
            return "electronics";
        }
        if (code == 5094 || code == 5944 || code == 5971) {
            return "jewellery-and-art";
        }
        if (code == 7995 || code >= 7800 && code <= 7802) {
            return "gambling";
        }
        if (code >= 8000 && code <= 8099 || code == 5912) {
            return "health";
        }
        if (code >= 4000 && code < 4800) {
            return "transport";
        }
        // Telecommunication, cable and utilities, as the card schemes group them.
        if (code >= 4800 && code < 5000) {
            return "utilities";
        }
        if (code >= 5000 && code < 6000) {
            return "retail";
        }
        return "services";
    }
}

package io.cardwatch.detector.profile;

/**
 * The centre of where a card is used in person, weighted towards recent use: a holiday moves it little, a
 * move house moves it over weeks. The weight says how much history stands behind it.
 */
public record HomeArea(double weight, double latitude, double longitude) {

    static final HomeArea NONE = new HomeArea(0, 0, 0);

    HomeArea with(double newLatitude, double newLongitude) {
        double newWeight = weight + 1;
        return new HomeArea(newWeight, latitude + (newLatitude - latitude) / newWeight,
                longitude + (newLongitude - longitude) / newWeight);
    }

    HomeArea decayed(double factor) {
        return factor == 1 ? this : new HomeArea(weight * factor, latitude, longitude);
    }
}

package io.cardwatch.simulator;

/**
 * A place cards live in and travel to. Amounts are drawn in euros and converted at {@code unitsPerEuro};
 * {@code utcOffsetHours} drives the cardholders' daily rhythm.
 */
record City(String name, String country, String currency, double unitsPerEuro, double latitude, double longitude,
            int utcOffsetHours) {

    private static final double EARTH_RADIUS_KM = 6371.0;

    /** Great-circle distance, by the haversine formula. */
    double distanceKm(City other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}

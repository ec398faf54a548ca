package io.cardwatch.detector.profile;

/** Distances on the Earth's surface, for the rules and features that ask how far a card has moved. */
public final class GreatCircle {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private GreatCircle() {
    }

    /** The haversine distance between two points, in kilometres. */
    public static double km(double latitude1, double longitude1, double latitude2, double longitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double deltaPhi = Math.toRadians(latitude2 - latitude1);
        double deltaLambda = Math.toRadians(longitude2 - longitude1);
        double a = Math.pow(Math.sin(deltaPhi / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(deltaLambda / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

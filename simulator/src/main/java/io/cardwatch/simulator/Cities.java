package io.cardwatch.simulator;

import java.util.List;

/** The world of the simulation: cities on every continent, so that impossible travel is possible. */
final class Cities {

    static final List<City> ALL = List.of(
            new City("Berlin", "DE", "EUR", 1, 52.5200, 13.4050, 1),
            new City("Munich", "DE", "EUR", 1, 48.1351, 11.5820, 1),
            new City("Paris", "FR", "EUR", 1, 48.8566, 2.3522, 1),
            new City("Lyon", "FR", "EUR", 1, 45.7640, 4.8357, 1),
            new City("Madrid", "ES", "EUR", 1, 40.4168, -3.7038, 1),
            new City("Milan", "IT", "EUR", 1, 45.4642, 9.1900, 1),
            new City("Amsterdam", "NL", "EUR", 1, 52.3676, 4.9041, 1),
            new City("London", "GB", "GBP", 0.85, 51.5074, -0.1278, 0),
            new City("Manchester", "GB", "GBP", 0.85, 53.4808, -2.2426, 0),
            new City("Warsaw", "PL", "PLN", 4.3, 52.2297, 21.0122, 1),
            new City("Stockholm", "SE", "SEK", 11.5, 59.3293, 18.0686, 1),
            new City("New York", "US", "USD", 1.1, 40.7128, -74.0060, -5),
            new City("Chicago", "US", "USD", 1.1, 41.8781, -87.6298, -6),
            new City("San Francisco", "US", "USD", 1.1, 37.7749, -122.4194, -8),
            new City("Toronto", "CA", "CAD", 1.5, 43.6532, -79.3832, -5),
            new City("Mexico City", "MX", "MXN", 19, 19.4326, -99.1332, -6),
            new City("Sao Paulo", "BR", "BRL", 6, -23.5505, -46.6333, -3),
            new City("Lagos", "NG", "NGN", 1700, 6.5244, 3.3792, 1),
            new City("Nairobi", "KE", "KES", 140, -1.2921, 36.8219, 3),
            new City("Dubai", "AE", "AED", 4, 25.2048, 55.2708, 4),
            new City("Mumbai", "IN", "INR", 92, 19.0760, 72.8777, 5),
            new City("Singapore", "SG", "SGD", 1.45, 1.3521, 103.8198, 8),
            new City("Tokyo", "JP", "JPY", 160, 35.6762, 139.6503, 9),
            new City("Sydney", "AU", "AUD", 1.65, -33.8688, 151.2093, 10));

    private Cities() {
    }
}

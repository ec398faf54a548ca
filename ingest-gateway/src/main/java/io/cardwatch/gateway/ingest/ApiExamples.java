package io.cardwatch.gateway.ingest;

/** Literal bodies for the generated OpenAPI spec. */
final class ApiExamples {

    static final String TRANSACTION = "{\"transactionId\":\"tx-1\",\"cardId\":\"card-1\",\"amount\":12.50,"
            + "\"currency\":\"EUR\",\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"country\":\"DE\","
            + "\"latitude\":52.52,\"longitude\":13.405,\"eventTime\":\"2026-11-20T10:15:30Z\","
            + "\"channel\":\"CARD_PRESENT\"}";

    static final String ACCEPTED = "{\"transactionId\":\"tx-1\",\"status\":\"ACCEPTED\"}";

    static final String INVALID = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"1 invalid field(s) in the request\",\"instance\":\"/v1/transactions\","
            + "\"errors\":[{\"pointer\":\"#/amount\",\"detail\":\"must be greater than 0\"}]}";

    static final String UNAVAILABLE = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"Kafka did not store the transaction\",\"instance\":\"/v1/transactions\"}";

    static final String BATCH = "{\"transactions\":[" + TRANSACTION + "]}";

    static final String BATCH_RESULT = "{\"failedCount\":0,\"results\":[" + ACCEPTED + "]}";

    private ApiExamples() {
    }
}

package io.cardwatch.local;

import java.util.Map;

/** The end-to-end scenarios on an embedded KRaft broker and an embedded PostgreSQL: runs everywhere. */
class EmbeddedEndToEndTest extends EndToEndScenarios {

    @Override
    LocalStack startStack(LocalStackOptions options, Map<String, String> serviceProperties) {
        return LocalStack.startEmbedded(options, serviceProperties);
    }
}

package io.cardwatch.local;

/** The end-to-end scenarios on an embedded KRaft broker and an embedded PostgreSQL: runs everywhere. */
class EmbeddedEndToEndTest extends EndToEndScenarios {

    @Override
    LocalStack startStack(LocalStackOptions options) {
        return LocalStack.startEmbedded(options);
    }
}

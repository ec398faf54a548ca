package io.cardwatch.detector.profile;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Who may query card profiles ({@code cardwatch.query.*}, documented in docs/configuration.md).
 *
 * @param tokens the bearer tokens accepted on {@code /cards/**}; several at once so that a token can be rotated
 *               without refusing anyone (docs/security.md). None: every query is refused.
 */
@ConfigurationProperties("cardwatch.query")
record QueryConfiguration(@Nullable List<String> tokens) {
}

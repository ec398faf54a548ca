package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The chart offers MSK IAM and Aurora IAM authentication: the images must carry what those need, or a
 * production install would fail at its first connection.
 */
class ImageAuthLibrariesTest {

    @Test
    void everyServiceCarriesTheMskIamLoginModule() {
        assertThat(ServiceModule.GATEWAY.runtimeJars()).anySatisfy(jar -> assertThat(jar).startsWith("aws-msk-iam-auth-"));
        assertThat(ServiceModule.DETECTOR.runtimeJars()).anySatisfy(jar -> assertThat(jar).startsWith("aws-msk-iam-auth-"));
        assertThat(ServiceModule.CONSOLE.runtimeJars()).anySatisfy(jar -> assertThat(jar).startsWith("aws-msk-iam-auth-"));
    }

    @Test
    void theDetectorAndTheConsoleCarryTheRdsClientTheJdbcWrapperNeedsForIamTokens() {
        assertThat(ServiceModule.DETECTOR.runtimeJars()).anySatisfy(jar -> assertThat(jar).startsWith("rds-2."));
        assertThat(ServiceModule.CONSOLE.runtimeJars()).anySatisfy(jar -> assertThat(jar).startsWith("rds-2."));
    }
}

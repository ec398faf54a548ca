package io.cardwatch.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Files of this repository the deployment tests check, found from the build's root directory. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/cardwatch");
    static final Path PRODUCTION_VALUES = CHART.resolve("values-eks-production.yaml");
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path DEPLOY_GUIDE = ROOT.resolve("docs/deploy-eks.md");

    private Repository() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the chart, so a test can add files or change its values without touching the repository. */
    static Path copyOfChart(Path target) {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

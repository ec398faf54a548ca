package io.cardwatch.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.Map;

/** Renders the chart as `helm template rel --namespace fraud` would, and parses the result strictly. */
final class ChartRendering {

    static final String RELEASE = "rel";
    static final String NAMESPACE = "fraud";
    // An EKS version the chart supports; helm template defaults to an old one.
    static final String KUBERNETES_VERSION = "1.33.0";

    private ChartRendering() {
    }

    static Manifests withDefaultValues() {
        return render(Repository.CHART, null, Map.of());
    }

    static Manifests withProductionValues() {
        return render(Repository.CHART, Repository.PRODUCTION_VALUES, Map.of());
    }

    static Manifests render(Path chart, Path valuesFile, Map<String, Object> settings) {
        return new Manifests(new StrictKubernetesModel().parseAll(template(chart, valuesFile, settings)));
    }

    /** What `helm install` prints after installing: NOTES.txt, rendered without a cluster. */
    static String notes(Path valuesFile, Map<String, Object> settings) {
        InstallCommand install = new Helm(Repository.CHART).install().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION).clientOnly().dryRun();
        if (valuesFile != null) {
            install = install.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            install = install.set(setting.getKey(), setting.getValue());
        }
        return install.call().getOutput();
    }

    /** The raw output; an invalid value or a failed guard surfaces as an IllegalStateException. */
    static String template(Path chart, Path valuesFile, Map<String, Object> settings) {
        TemplateCommand template = new Helm(chart).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBERNETES_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            template = template.set(setting.getKey(), setting.getValue());
        }
        return template.call();
    }
}

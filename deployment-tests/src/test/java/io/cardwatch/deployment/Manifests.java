package io.cardwatch.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The resources one chart rendering produced, looked up by type and name. */
record Manifests(List<HasMetadata> resources) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream()
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    GenericKubernetesResource custom(String kind, String name) {
        return all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getKind().equals(kind))
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    List<String> kindsAndNames() {
        return resources.stream()
                .map(resource -> resource.getKind() + "/" + resource.getMetadata().getName())
                .sorted()
                .toList();
    }
}

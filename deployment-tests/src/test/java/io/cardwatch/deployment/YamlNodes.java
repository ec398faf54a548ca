package io.cardwatch.deployment;

import java.util.List;
import java.util.Map;

/** Nodes of YAML read with SnakeYAML, which hands back untyped maps and lists. */
final class YamlNodes {

    private YamlNodes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        return (List<Map<String, Object>>) node;
    }
}

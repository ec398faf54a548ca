package io.cardwatch.deployment;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into fabric8's Kubernetes model as strictly as the API server would: a field
 * the model does not know, or a value of the wrong type, fails instead of being kept aside.
 */
final class StrictKubernetesModel {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private final KubernetesSerialization serialization = new KubernetesSerialization(strictMapper(), true);

    /** Parses a stream of YAML documents as `helm template` prints them. */
    List<HasMetadata> parseAll(String manifests) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (!document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                resources.add(parse(document));
            }
        }
        return resources;
    }

    HasMetadata parse(String document) {
        HasMetadata resource = serialization.unmarshal(document, HasMetadata.class);
        if (!(resource instanceof GenericKubernetesResource)) {
            rejectUnknownFields(resource, resource.getKind() + " " + resource.getMetadata().getName());
        }
        return resource;
    }

    private static JsonMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        // The API server refuses a number or a boolean where a string belongs (an unquoted env value).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private static void rejectUnknownFields(Object node, String path) {
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                rejectUnknownFields(item, path + "[" + index++ + "]");
            }
        } else if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> rejectUnknownFields(value, path + "." + key));
        } else if (node != null && node.getClass().getName().startsWith(MODEL_PACKAGE)) {
            rejectUnknownFieldsOf(node, path);
        }
    }

    private static void rejectUnknownFieldsOf(Object model, String path) {
        for (Method getter : getters(model.getClass())) {
            Object value = invoke(getter, model);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new AssertionError("unknown fields " + unknown.keySet() + " at " + path);
                }
            } else {
                rejectUnknownFields(value, path + "." + propertyName(getter));
            }
        }
    }

    private static List<Method> getters(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getName().startsWith("get") && !method.getName().equals("getClass"))
                .toList();
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

package io.cardwatch.deployment;

import static io.cardwatch.deployment.ChartWorkloadsTest.container;
import static io.cardwatch.deployment.ChartWorkloadsTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every container's memory limit holds what its JVM may take: the heap (the limit times MaxRAMPercentage), the
 * bounded metaspace and direct buffers, for the detector its RocksDB budget, and headroom for what the JVM
 * does not bound (code cache, thread stacks, GC structures, malloc arenas). docs/benchmarks.md ("Memory in the
 * chart") gives the figures and the resident sizes measured beside them.
 */
class ChartMemorySizingTest {

    private static final long MIB = 1024 * 1024;
    private static final long UNBOUNDED_HEADROOM = 128 * MIB;

    static Stream<Arguments> workloads() {
        return ChartWorkloadsTest.renderings();
    }

    @ParameterizedTest(name = "{0} values: {2}")
    @MethodSource("workloads")
    void limitHoldsHeapAndEveryOffHeapBoundWithHeadroom(String values, Manifests manifests, String workload) {
        // given
        Container container = container(manifests, workload);
        long limit = container.getResources().getLimits().get("memory").getNumericalAmount().longValueExact();
        String options = env(container, "JAVA_TOOL_OPTIONS");

        // when
        long heap = new BigDecimal(limit).multiply(new BigDecimal(flag(options, "MaxRAMPercentage=([0-9.]+)")))
                .divide(BigDecimal.valueOf(100)).longValue();
        long metaspace = mebibytes(flag(options, "MaxMetaspaceSize=([0-9]+)m"));
        long direct = mebibytes(flag(options, "MaxDirectMemorySize=([0-9]+)m"));
        long rocksdb = workload.endsWith("detector")
                ? mebibytes(env(container, "CARDWATCH_STREAMS_ROCKSDB_MEMORY_MIB")) : 0;

        // then
        assertThat(heap + metaspace + direct + rocksdb + UNBOUNDED_HEADROOM)
                .as("heap %d MiB + metaspace %d MiB + direct %d MiB + RocksDB %d MiB + headroom %d MiB within %d MiB",
                        heap / MIB, metaspace / MIB, direct / MIB, rocksdb / MIB, UNBOUNDED_HEADROOM / MIB,
                        limit / MIB)
                .isLessThanOrEqualTo(limit);
        assertThat(heap).as("heap of %s", workload).isGreaterThanOrEqualTo(384 * MIB);
    }

    private static String flag(String options, String pattern) {
        Matcher matcher = Pattern.compile("-XX:" + pattern + "(\\s|$)").matcher(options);
        assertThat(matcher.find()).as("%s in %s", pattern, options).isTrue();
        return matcher.group(1);
    }

    private static long mebibytes(String count) {
        return Long.parseLong(count) * MIB;
    }
}

package io.batchbench.tools.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters batchbench's benchmarks gained after runs had been published, with the value those
 * runs measured. A run made before the {@code rtt} parameter existed connected directly, which is
 * {@code rtt=0}: its cells are read with {@code rtt=0}, so they still match the same cells of a
 * newer run in compare and check, and its report reads like a newer one's.
 */
final class ParamDefaults {

    private static final String PACKAGE = "io.batchbench.";
    private static final Map<String, String> ADDED = Map.of("rtt", "0");

    private ParamDefaults() {
    }

    /** {@code params} with every parameter added later that they lack, for a batchbench benchmark. */
    static Map<String, String> complete(String benchmark, Map<String, String> params) {
        if (!benchmark.startsWith(PACKAGE)) {
            return params;
        }
        Map<String, String> completed = new LinkedHashMap<>(params);
        ADDED.forEach(completed::putIfAbsent);
        return completed;
    }
}

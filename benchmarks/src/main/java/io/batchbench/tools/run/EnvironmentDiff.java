package io.batchbench.tools.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What differs between two environment fingerprints (env.json). Fields that differ between any
 * two runs by nature (run id, time, the server's port, the command line) are left out; the commit
 * is told apart because a different commit is usually the point of a comparison, while a
 * different JDK, core count, PostgreSQL version or setting, provider or framework version changes
 * what is measured.
 */
public record EnvironmentDiff(List<Difference> differences) {

    /** The env.json field in which a merged run lists the runs it was merged from. */
    public static final String MERGED_FROM = "mergedFrom";

    /** The env.json field in which the launcher says in which order the cells ran (a round's is shuffled anew). */
    public static final String CELL_ORDER = "cellOrder";

    private static final Set<String> PER_RUN = Set.of("runId", "recordedAt", "postgres.url", "postgres.user",
            "jmhArguments", MERGED_FROM, CELL_ORDER);

    public record Difference(String field, String a, String b) {

        public boolean isCommit() {
            return field.startsWith("git.");
        }
    }

    public static EnvironmentDiff between(JsonNode a, JsonNode b) {
        Map<String, String> left = flatten(a);
        Map<String, String> right = flatten(b);
        TreeSet<String> fields = new TreeSet<>(left.keySet());
        fields.addAll(right.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String field : fields) {
            String x = left.getOrDefault(field, "(none)");
            String y = right.getOrDefault(field, "(none)");
            if (!x.equals(y)) {
                differences.add(new Difference(field, x, y));
            }
        }
        return new EnvironmentDiff(differences);
    }

    /** Differences that change what is measured: everything but the commit. */
    public List<Difference> measurementDifferences() {
        return differences.stream().filter(d -> !d.isCommit()).toList();
    }

    private static Map<String, String> flatten(JsonNode env) {
        Map<String, String> fields = new TreeMap<>();
        flatten("", env, fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> fields) {
        if (PER_RUN.contains(prefix)) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), fields));
        } else if (!prefix.isEmpty()) {
            fields.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }
}

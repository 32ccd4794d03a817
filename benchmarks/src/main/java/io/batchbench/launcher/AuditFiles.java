package io.batchbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the audit files the forks left (one per trial, {@link io.batchbench.audit.AuditLog})
 * into one audit.json: one entry per cell, sorted by benchmark and parameters. Forks of a cell
 * send the same statements; {@code forks} says how many audited it and {@code consistent} whether
 * they all counted the same (if not, the entry is the fork with the most round trips).
 */
final class AuditFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditFiles() {
    }

    /** Returns false, writing nothing, when no fork left an audit (a run of paging or dataset benchmarks). */
    static boolean merge(Path folder, Path target) throws IOException {
        Map<String, List<ObjectNode>> byCell = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                ObjectNode entry = (ObjectNode) JSON.readTree(file.toFile());
                byCell.computeIfAbsent(entry.get("benchmark").asText() + " " + entry.get("params"),
                        key -> new ArrayList<>()).add(entry);
            }
        }
        if (byCell.isEmpty()) {
            return false;
        }
        ObjectNode audit = JSON.createObjectNode();
        ArrayNode cells = audit.putArray("cells");
        for (List<ObjectNode> forks : byCell.values()) {
            ObjectNode chosen = forks.stream()
                    .max((a, b) -> Long.compare(a.get("roundTrips").asLong(), b.get("roundTrips").asLong()))
                    .orElseThrow();
            boolean consistent = forks.stream().allMatch(fork -> sameCounts(fork, chosen));
            cells.add(chosen.deepCopy().put("forks", forks.size()).put("consistent", consistent));
        }
        Files.createDirectories(target.getParent());
        JSON.writeValue(target.toFile(), audit);
        return true;
    }

    private static boolean sameCounts(JsonNode a, JsonNode b) {
        return a.get("roundTrips").equals(b.get("roundTrips")) && a.get("statementsByVerb").equals(b.get("statementsByVerb"));
    }
}

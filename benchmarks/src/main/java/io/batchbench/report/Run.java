package io.batchbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One run as the tools see it: its cells in a stable order and its environment fingerprint
 * (an empty object when the run has no env.json).
 *
 * @param name what the user passed, to name the run in messages and tables
 */
public record Run(String name, List<Cell> cells, JsonNode env) {

    public Run {
        cells = cells.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
    }

    public Map<CellKey, Cell> byKey() {
        Map<CellKey, Cell> map = new LinkedHashMap<>();
        cells.forEach(cell -> map.put(cell.key(), cell));
        return map;
    }

    public Optional<Cell> cell(CellKey key) {
        return Optional.ofNullable(byKey().get(key));
    }
}

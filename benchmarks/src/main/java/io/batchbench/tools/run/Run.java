package io.batchbench.tools.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One run as the tools see it: its cells in a stable order and its environment fingerprint
 * (an empty object when the run has no env.json). The cells are indexed by key once: the gate
 * looks cells up per finding, and a map built per lookup made a check quadratic in the cells.
 */
public final class Run {

    private final String name;
    private final List<Cell> cells;
    private final JsonNode env;
    private final Map<CellKey, Cell> byKey;

    /** @param name what the user passed, to name the run in messages and tables */
    public Run(String name, List<Cell> cells, JsonNode env) {
        this.name = name;
        this.cells = cells.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        this.env = env;
        Map<CellKey, Cell> index = new LinkedHashMap<>();
        this.cells.forEach(cell -> index.put(cell.key(), cell));
        this.byKey = Collections.unmodifiableMap(index);
    }

    public String name() {
        return name;
    }

    public List<Cell> cells() {
        return cells;
    }

    public JsonNode env() {
        return env;
    }

    public Map<CellKey, Cell> byKey() {
        return byKey;
    }

    public Optional<Cell> cell(CellKey key) {
        return Optional.ofNullable(byKey.get(key));
    }
}

package io.batchbench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.batchbench.audit.AuditLog;
import io.batchbench.audit.WireCounts;

class AuditFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void forksOfOneCellBecomeOneEntrySortedByCell() throws Exception {
        write("a", "B.insert", "jdbc", 10, 1000);
        write("b", "B.insert", "jdbc", 10, 1000);
        write("c", "A.update", "jooq", 3, 1);
        Path target = folder.resolve("out/audit.json");

        assertThat(AuditFiles.merge(folder.resolve("forks"), target)).isTrue();

        JsonNode cells = JSON.readTree(target.toFile()).get("cells");
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0).get("benchmark").asText()).isEqualTo("A.update");
        assertThat(cells.get(1).get("forks").asInt()).isEqualTo(2);
        assertThat(cells.get(1).get("consistent").asBoolean()).isTrue();
        assertThat(cells.get(1).get("roundTripsPer1000Rows").asDouble()).isEqualTo(10.0);
    }

    @Test
    void forksThatCountedDifferentlyAreFlaggedAndTheLargestCountIsKept() throws Exception {
        write("a", "B.insert", "jdbc", 10, 1000);
        write("b", "B.insert", "jdbc", 12, 1000);
        Path target = folder.resolve("audit.json");

        AuditFiles.merge(folder.resolve("forks"), target);

        JsonNode cell = JSON.readTree(target.toFile()).get("cells").get(0);
        assertThat(cell.get("consistent").asBoolean()).isFalse();
        assertThat(cell.get("roundTrips").asLong()).isEqualTo(12);
    }

    @Test
    void aRunWithoutAuditedCellsWritesNothing() throws Exception {
        Files.createDirectories(folder.resolve("forks"));

        assertThat(AuditFiles.merge(folder.resolve("forks"), folder.resolve("audit.json"))).isFalse();
        assertThat(folder.resolve("audit.json")).doesNotExist();
    }

    private void write(String file, String benchmark, String framework, long roundTrips, long rows) throws Exception {
        Files.createDirectories(folder.resolve("forks"));
        WireCounts counts = new WireCounts(roundTrips, new TreeMap<>(Map.of("INSERT", rows, "COMMIT", 1L)));
        JSON.writeValue(folder.resolve("forks").resolve(file + ".json").toFile(),
                AuditLog.Entry.of(benchmark, Map.of("framework", framework), rows, counts));
    }
}

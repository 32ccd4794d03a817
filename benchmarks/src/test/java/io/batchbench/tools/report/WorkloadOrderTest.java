package io.batchbench.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The report orders workloads by family; a benchmark in a family it does not know would land last. */
class WorkloadOrderTest {

    /** The harness benchmarks measure batchbench itself, not a workload: they come after the workloads. */
    private static final String HARNESS = "harness";

    @Test
    void everyBenchmarkOfThisJarIsInAFamilyTheReportOrders() {
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            String[] parts = entry.getUsername().split("\\.");
            String family = parts[parts.length - 3];
            if (!family.equals(HARNESS)) {
                assertThat(ReportBuilder.FAMILY_ORDER).as(entry.getUsername()).contains(family);
            }
        }
    }
}

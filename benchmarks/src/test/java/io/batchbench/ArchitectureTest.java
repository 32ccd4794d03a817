package io.batchbench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering docs/architecture.md describes, checked on the main classes of both modules: no
 * package cycles, each layer used only by the layers above it, adapters that know nothing of each
 * other or of the benchmarks (what the two JPA adapters share is the jpa layer's, below them), and
 * tools that read results without the benchmark code.
 */
@AnalyzeClasses(packages = "io.batchbench",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.MainClassesOnly.class})
class ArchitectureTest {

    /**
     * Leaves out the fixtures' test jar (a build of the whole project puts it on the class path as
     * a jar, which DoNotIncludeTests does not recognise) and the stubs JMH's annotation processor
     * writes into jmh_generated packages, which are JMH's, not ours.
     */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/jmh_generated/") && !location.contains("-tests.jar");
        }
    }

    /** jOOQ's generated classes refer to each other across their packages; that layout is jOOQ's. */
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.batchbench.(**)").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("..jooq.generated.."), resideInAPackage("..jooq.generated.."));

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("fixtures").definedBy("io.batchbench.fixtures", "io.batchbench.fixtures.db..",
                    "io.batchbench.fixtures.env..")
            .layer("data").definedBy("io.batchbench.fixtures.data..")
            .layer("workload").definedBy("io.batchbench.workload..")
            .layer("framework").definedBy("io.batchbench.framework")
            .layer("jpa").definedBy("io.batchbench.jpa..")
            .layer("adapters").definedBy("io.batchbench.framework.*..")
            .layer("relay").definedBy("io.batchbench.relay..")
            .layer("audit").definedBy("io.batchbench.audit..")
            .layer("trial").definedBy("io.batchbench.trial..")
            .layer("benchmark").definedBy("io.batchbench.benchmark..")
            .layer("launcher").definedBy("io.batchbench.launcher..")
            .layer("tools").definedBy("io.batchbench.tools..")
            .whereLayer("tools").mayNotBeAccessedByAnyLayer()
            .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("benchmark").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("trial").mayOnlyBeAccessedByLayers("benchmark")
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("trial")
            .whereLayer("framework").mayOnlyBeAccessedByLayers("adapters", "trial", "benchmark")
            .whereLayer("jpa").mayOnlyBeAccessedByLayers("adapters")
            .whereLayer("audit").mayOnlyBeAccessedByLayers("trial", "benchmark", "launcher")
            .whereLayer("relay").mayOnlyBeAccessedByLayers("audit", "trial", "benchmark")
            .whereLayer("workload").mayOnlyBeAccessedByLayers("framework", "jpa", "adapters", "trial", "benchmark",
                    "launcher")
            .whereLayer("data").mayOnlyBeAccessedByLayers("workload", "trial", "benchmark", "launcher")
            .whereLayer("fixtures").mayOnlyBeAccessedByLayers("data", "relay", "trial", "benchmark", "launcher");

    @ArchTest
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("io.batchbench.framework.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule WORKLOAD_FAMILIES_ARE_INDEPENDENT = slices().matching("io.batchbench.workload.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule BENCHMARK_FAMILIES_ARE_INDEPENDENT = slices().matching("io.batchbench.benchmark.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule TOOL_LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("main").definedBy("io.batchbench.tools")
            .layer("ab").definedBy("io.batchbench.tools.ab..")
            .layer("commands").definedBy("io.batchbench.tools.report..", "io.batchbench.tools.compare..",
                    "io.batchbench.tools.gate..", "io.batchbench.tools.merge..", "io.batchbench.tools.rounds..")
            .layer("shared").definedBy("io.batchbench.tools.doc..", "io.batchbench.tools.stats..")
            .layer("run").definedBy("io.batchbench.tools.run..")
            .whereLayer("main").mayNotBeAccessedByAnyLayer()
            .whereLayer("ab").mayOnlyBeAccessedByLayers("main")
            .whereLayer("commands").mayOnlyBeAccessedByLayers("main", "ab")
            .whereLayer("shared").mayOnlyBeAccessedByLayers("commands", "ab")
            .whereLayer("run").mayOnlyBeAccessedByLayers("main", "ab", "commands", "shared");
}

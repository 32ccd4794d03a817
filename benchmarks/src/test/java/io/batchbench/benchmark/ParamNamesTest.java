package io.batchbench.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.batchbench.trial.Frameworks;
import io.batchbench.workload.Params;

/**
 * One place for every name: JMH needs each {@code @Param}'s values as constants, so the
 * framework and strategy names are written in the benchmark classes as well as in their enums.
 * This test fails when the two disagree, in content or in order (the report takes its order, its
 * reference framework and each workload's naive strategy from the {@code @Param} lists).
 */
class ParamNamesTest {

    /**
     * The parameters the report pivots on: each names an enum and runs all of its constants by
     * default. Other labelled parameters may run a subset by default ({@code synchronousCommit=on}).
     */
    private static final Set<String> PIVOTS = Set.of("framework", "strategy");

    static Stream<Class<?>> benchmarkClasses() {
        Set<String> names = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            names.add(entry.getUserClassQName());
        }
        return names.stream().map(ParamNamesTest::load);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarkClasses")
    void everyLabelledParamListsItsEnumsLabelsInOrder(Class<?> benchmark) {
        for (Field field : benchmark.getFields()) {
            Param param = field.getAnnotation(Param.class);
            LabelsOf labels = field.getAnnotation(LabelsOf.class);
            if (param == null) {
                continue;
            }
            if (PIVOTS.contains(field.getName())) {
                assertThat(labels).as(benchmark.getSimpleName() + "." + field.getName() + " needs @LabelsOf").isNotNull();
            }
            if (labels != null && PIVOTS.contains(field.getName())) {
                assertThat(List.of(param.value())).as(benchmark.getSimpleName() + "." + field.getName()
                        + " must list the labels of " + labels.value().getSimpleName() + ", all, in order")
                        .containsExactlyElementsOf(Params.labels(labels.value()));
            } else if (labels != null) {
                assertThat(List.of(param.value())).as(benchmark.getSimpleName() + "." + field.getName()
                        + " must list labels of " + labels.value().getSimpleName())
                        .isSubsetOf(Params.labels(labels.value()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarkClasses")
    void everyDeclaredCombinationPassesTheBenchmarksOwnCheck(Class<?> benchmark) throws Exception {
        assertThat(CheckedParams.class).as(benchmark.getSimpleName() + " checks its parameters before anything starts")
                .isAssignableFrom(benchmark);
        Map<Field, String[]> declared = new LinkedHashMap<>();
        for (Field field : benchmark.getFields()) {
            if (field.isAnnotationPresent(Param.class)) {
                declared.put(field, field.getAnnotation(Param.class).value());
            }
        }
        List<Map<Field, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<Field, String[]> parameter : declared.entrySet()) {
            List<Map<Field, String>> longer = new ArrayList<>();
            for (Map<Field, String> combination : combinations) {
                for (String value : parameter.getValue()) {
                    Map<Field, String> next = new LinkedHashMap<>(combination);
                    next.put(parameter.getKey(), value);
                    longer.add(next);
                }
            }
            combinations = longer;
        }
        for (Map<Field, String> combination : combinations) {
            CheckedParams instance = (CheckedParams) benchmark.getConstructor().newInstance();
            for (Map.Entry<Field, String> value : combination.entrySet()) {
                set(instance, value.getKey(), value.getValue());
            }
            instance.checkParams();
        }
    }

    /**
     * Every benchmark can be measured at a distance from the database: an {@code rtt} parameter
     * whose quick profile connects directly, checked by the benchmark's own {@code checkParams()}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarkClasses")
    void everyBenchmarkHasAnRttThatDefaultsToADirectConnectionAndIsChecked(Class<?> benchmark) throws Exception {
        Field rtt = benchmark.getField("rtt");
        assertThat(rtt.getType()).isEqualTo(String.class);
        assertThat(rtt.getAnnotation(Param.class).value()).as(benchmark.getSimpleName() + ".rtt's quick profile")
                .containsExactly("0");
        for (String bad : List.of("-1", "fast", "1001", "1e2", "")) {
            CheckedParams instance = declaredDefaults(benchmark);
            rtt.set(instance, bad);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(instance::checkParams))
                    .as(benchmark.getSimpleName() + " rtt=" + bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rtt must be a round-trip time in milliseconds from 0");
        }
        CheckedParams instance = declaredDefaults(benchmark);
        rtt.set(instance, "0.5");
        instance.checkParams();
    }

    /** A quick profile narrows a parameter to some of its declared values, never to one the benchmark lacks. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarkClasses")
    void everyQuickProfileIsANonEmptySubsetOfItsDeclaredValues(Class<?> benchmark) {
        for (Field field : benchmark.getFields()) {
            QuickProfile quick = field.getAnnotation(QuickProfile.class);
            if (quick == null) {
                continue;
            }
            assertThat(field.getAnnotation(Param.class)).as(benchmark.getSimpleName() + "." + field.getName()
                    + " has a quick profile, so it must be a @Param").isNotNull();
            assertThat(quick.value()).as(benchmark.getSimpleName() + "." + field.getName() + "'s quick profile")
                    .isNotEmpty().doesNotHaveDuplicates()
                    .isSubsetOf(field.getAnnotation(Param.class).value());
        }
    }

    /** A benchmark with each parameter at its first declared value. */
    private static CheckedParams declaredDefaults(Class<?> benchmark) throws Exception {
        CheckedParams instance = (CheckedParams) benchmark.getConstructor().newInstance();
        for (Field field : benchmark.getFields()) {
            if (field.isAnnotationPresent(Param.class)) {
                set(instance, field, field.getAnnotation(Param.class).value()[0]);
            }
        }
        return instance;
    }

    @Test
    void jdbcIsTheFirstFrameworkBecauseTheReportsCompareTheOthersWithIt() {
        assertThat(Frameworks.values()[0].label()).isEqualTo("jdbc");
    }

    private static void set(Object instance, Field field, String value) throws IllegalAccessException {
        if (field.getType() == String.class) {
            field.set(instance, value);
        } else if (field.getType() == long.class) {
            field.setLong(instance, Long.parseLong(value));
        } else {
            field.setInt(instance, Integer.parseInt(value));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.batchbench.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Hands the values a benchmark recorded in {@link TrialResults} to JMH as secondary results of
 * each iteration. It runs in the benchmark's fork, after the iteration's own teardown; the
 * launcher adds it to every run, so no {@code -prof} option is needed.
 */
public final class TrialResultsProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "batchbench's own secondary results (measured round-trip time, work per row)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        // Values are recorded by the benchmark while the iteration runs.
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                       IterationResult result) {
        List<Result> results = new ArrayList<>();
        long operations = Math.max(1, result.getMetadata().getMeasuredOps());
        for (Map.Entry<String, TrialResults.Value> entry : TrialResults.endIteration().entrySet()) {
            TrialResults.Value value = entry.getValue();
            results.add(new ScalarResult(entry.getKey(), value.perOperation() ? value.value() / operations : value.value(),
                    value.unit(), AggregationPolicy.AVG));
        }
        return results;
    }
}

package io.batchbench.benchmark.concurrent;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.batchbench.framework.Framework;
import io.batchbench.framework.ReactiveFramework;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.concurrent.Latencies;
import io.batchbench.workload.concurrent.StageRunner;
import io.batchbench.workload.concurrent.UnitRunner;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.InsertStrategy;

/**
 * The concurrent insert's units: the rows cut once into {@code commitEvery}-row transactions, as
 * the insert family cuts them, each transaction a plan of its own that one unit writes with the
 * insert family's strategy, on its own connection. Between this and the insert family's cell
 * only the concurrency differs.
 */
final class InsertUnits {

    private final InsertStrategy strategy;
    private final List<InsertPlan> transactions;

    InsertUnits(InsertStrategy strategy, List<NewOrder> rows, int commitEvery) {
        this.strategy = strategy;
        this.transactions = new InsertPlan(rows, commitEvery).transactions().stream()
                .map(chunks -> new InsertPlan(chunks.stream().flatMap(List::stream).toList(), commitEvery))
                .toList();
    }

    /** Transactions, so units. */
    int size() {
        return transactions.size();
    }

    /** Inserts every row through {@code framework}, at most {@code runner.workers()} transactions at once. */
    void run(Framework framework, UnitRunner runner, Latencies latencies) {
        runner.run(transactions.stream().<Runnable>map(plan -> () -> {
            long start = System.nanoTime();
            strategy.run(framework.inserting(), plan);
            latencies.record(System.nanoTime() - start);
        }).toList());
    }

    /**
     * Inserts every row through {@code stack}, at most {@code stages.workers()} transactions in
     * flight; a transaction's time runs from its stage's start to its commit acknowledged.
     */
    void run(ReactiveFramework stack, StageRunner stages, Latencies latencies) {
        stages.run(transactions.stream().<Supplier<CompletionStage<Void>>>map(plan -> () -> {
            long start = System.nanoTime();
            return strategy.run(stack.reactiveInserting(), plan)
                    .thenRun(() -> latencies.record(System.nanoTime() - start));
        }).toList(), () -> {
            // A unit is one transaction: there is no next chunk to stop before, and none starts after a failure.
        });
    }
}

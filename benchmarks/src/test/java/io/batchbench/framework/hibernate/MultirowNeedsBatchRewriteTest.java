package io.batchbench.framework.hibernate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertPlan;

/**
 * Hibernate's multi-row INSERTs are pgjdbc rewriting its JDBC batches: on a pool without
 * {@code reWriteBatchedInserts} the multirow cell would measure batch again, so it refuses to run.
 */
class MultirowNeedsBatchRewriteTest {

    private static final TrialCache TRIALS = new TrialCache("multirowtest");

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    @Test
    void withoutTheDriverRewriteMultirowRefusesToRunAndInsertsNothing() {
        Trial trial = TRIALS.get(Frameworks.HIBERNATE, 10);
        trial.execute(InsertCheck::empty);

        assertThatThrownBy(() -> trial.framework().inserting().multirow(new InsertPlan(NewOrder.generate(10), 100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reWriteBatchedInserts=true");
        trial.execute(InsertCheck::requireEmpty);
    }
}

package io.batchbench.jpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertPlan;

/**
 * The multi-row INSERTs of both JPA adapters are pgjdbc rewriting Hibernate's JDBC batches: on a
 * pool without {@code reWriteBatchedInserts} the multirow cell would measure batch again, so it
 * refuses to run ({@link OrdersPersistenceUnit#requireBatchRewrite}).
 */
class MultirowNeedsBatchRewriteTest {

    private static final TrialCache TRIALS = new TrialCache("multirowtest");

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    @ParameterizedTest
    @EnumSource(names = {"HIBERNATE", "SPRINGDATA"})
    void withoutTheDriverRewriteMultirowRefusesToRunAndInsertsNothing(Frameworks framework) {
        Trial trial = TRIALS.get(framework, 10);
        trial.execute(InsertCheck::empty);

        assertThatThrownBy(() -> trial.framework().inserting().multirow(new InsertPlan(NewOrder.generate(10), 100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reWriteBatchedInserts=true");
        trial.execute(InsertCheck::requireEmpty);
    }
}

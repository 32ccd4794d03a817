package io.batchbench.framework.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.InsertStrategy;

/**
 * The two ways jOOQ's Loader could quietly differ from the plan: it collects failures in
 * {@code errors()} instead of throwing, and it commits only after whole batches.
 */
class JooqLoaderTest {

    private static final TrialCache TRIALS = new TrialCache("jooqloadertest");

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = InsertStrategy.class, names = {"ROW", "BATCH", "MULTIROW"})
    void aRowTheLoaderCannotStoreFailsTheInsertAndOnlyItsTransactionIsRolledBack(InsertStrategy strategy) {
        Trial trial = TRIALS.get(Frameworks.JOOQ, 10);
        trial.execute(InsertCheck::empty);
        List<NewOrder> orders = new ArrayList<>(NewOrder.generate(10));
        NewOrder last = orders.get(9);
        orders.set(9, new NewOrder(last.customerId(), "LOST", last.amount(), last.createdAt(), last.note()));

        assertThatThrownBy(() -> strategy.run(trial.framework().inserting(), new InsertPlan(orders, 5)))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("orders_status_check");

        long stored = trial.query(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM orders")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(stored).as("the first transaction of 5 rows committed, the failed one rolled back").isEqualTo(5);
    }

    @Test
    void aCommitEveryThatIsNotAWholeNumberOfBatchesIsRefused() {
        JooqInserting inserting = new JooqInserting(DSL.using(SQLDialect.POSTGRES));
        InsertPlan plan = new InsertPlan(NewOrder.generate(3_000), 1_500);

        assertThatThrownBy(() -> inserting.multirow(plan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot commit every 1500 rows");
    }
}

package io.batchbench.framework.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.CommitEvery;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertPlan;

/**
 * MyBatis does not know about a COPY run on its session's connection, so it takes the session
 * for clean: closing it after a failure would restore auto-commit, which pgjdbc turns into a
 * COMMIT of the chunks already copied. The copy strategy must roll back instead.
 */
class MyBatisCopyTest {

    @Test
    void aCopyThatFailsAfterItsFirstChunkLeavesNothingBehind() {
        try (TrialCache trials = new TrialCache("mybatiscopytest")) {
            Trial trial = trials.get(Frameworks.MYBATIS, 10);
            trial.execute(InsertCheck::empty);
            // One transaction of two chunks: 1,000 good rows, then one the table refuses (note is NOT NULL).
            List<NewOrder> rows = new ArrayList<>(NewOrder.generate(1_001));
            NewOrder last = rows.getLast();
            rows.set(1_000, new NewOrder(last.customerId(), last.status(), last.amount(), last.createdAt(), null));
            InsertPlan plan = new InsertPlan(rows, CommitEvery.parse(CommitEvery.ALL));

            assertThatThrownBy(() -> trial.framework().inserting().copy(plan)).isInstanceOf(RuntimeException.class);

            assertThat(trial.query(MyBatisCopyTest::rowCount)).as("rows left by the failed transaction").isZero();
        }
    }

    private static long rowCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

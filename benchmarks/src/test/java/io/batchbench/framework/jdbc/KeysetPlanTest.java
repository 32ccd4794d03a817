package io.batchbench.framework.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.TrialDatabase;

/**
 * Keyset paging is only depth-independent if the server seeks the primary key index to the
 * last key instead of walking from the start; this checks the plan the schema gives it.
 */
class KeysetPlanTest {

    @Test
    void aDeepKeysetPageSeeksThePrimaryKeyIndex() throws Exception {
        Datasets datasets = new Datasets(TestServers.embedded(), "plantest");
        try (TrialDatabase database = datasets.cloneOf(20_000, 1);
             Connection connection = database.connect();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN (COSTS OFF) " + JdbcPaging.KEYSET_PAGE)) {
            explain.setLong(1, 19_000);
            explain.setInt(2, 100);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }

            assertThat(plan.toString())
                    .contains("Index Scan using orders_pkey on orders")
                    .contains("Index Cond: (id > ")
                    .doesNotContain("Sort");
        } finally {
            datasets.dropAll();
        }
    }
}

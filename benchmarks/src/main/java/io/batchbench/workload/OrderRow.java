package io.batchbench.workload;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One row of {@code orders} as plain JDBC reads it: the JDBC reference's own result object, and
 * the common shape every framework's objects are compared in by the correctness tests.
 */
public record OrderRow(long id, int customerId, String status, BigDecimal amount, OffsetDateTime createdAt,
                       String note) {

    /** The same row with the timestamp in UTC, so rows read through different type mappings compare equal. */
    public OrderRow inUtc() {
        return new OrderRow(id, customerId, status, amount, createdAt.withOffsetSameInstant(ZoneOffset.UTC), note);
    }
}

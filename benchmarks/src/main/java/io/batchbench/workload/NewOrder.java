package io.batchbench.workload;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.batchbench.fixtures.data.OrderGenerator;

/**
 * A row to insert, without an id: the database or the framework assigns it. The write workloads
 * insert the seeded dataset's rows, so a table filled by any strategy must hold exactly the
 * contents of the same-size template ({@link io.batchbench.fixtures.data.TableChecksum#contentOf}).
 */
public record NewOrder(int customerId, String status, BigDecimal amount, OffsetDateTime createdAt, String note) {

    /** The first {@code rows} rows of the default seed, in id order. */
    public static List<NewOrder> generate(long rows) {
        List<NewOrder> orders = new ArrayList<>(Math.toIntExact(rows));
        new OrderGenerator(OrderGenerator.DEFAULT_SEED).forEach(rows, (id, customerId, status, cents, createdAt, note) ->
                orders.add(new NewOrder(customerId, status, BigDecimal.valueOf(cents, 2),
                        OffsetDateTime.ofInstant(Instant.ofEpochSecond(createdAt), ZoneOffset.UTC), note)));
        return orders;
    }
}

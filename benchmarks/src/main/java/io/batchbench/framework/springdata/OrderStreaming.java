package io.batchbench.framework.springdata;

import java.util.stream.Stream;

import io.batchbench.jpa.OrderEntity;

/**
 * A repository fragment (Spring Data's "custom repository implementations") for the one query
 * whose hint is not a constant: the fetch size of the streamed scan is the trial's page size,
 * and {@code @QueryHints} values are annotation constants. Everything else about it is the
 * documented way to stream: a repository method returning {@code Stream<T>}, consumed inside a
 * transaction and closed after use, with the fetch size as a query hint.
 */
interface OrderStreaming {

    /** Every order in id order, streamed from a server-side cursor, {@code fetchSize} rows per round trip, read-only. */
    Stream<OrderEntity> streamAllByIdOrder(int fetchSize);
}

package io.batchbench.framework.mybatis;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One row of {@code orders} as the MyBatis mapper builds it: an immutable record filled through
 * its canonical constructor, whose arguments {@code OrderMapper.xml} names one by one.
 *
 * <p>Public on purpose: MyBatis's DefaultObjectFactory first calls the constructor without
 * {@code setAccessible}, so a package-private class costs one IllegalAccessException, stack trace
 * included, per row (measured: 15 % of the scan's CPU time before this was public).
 */
public record Order(long id, int customerId, String status, BigDecimal amount, OffsetDateTime createdAt, String note) {
}

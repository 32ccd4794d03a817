package io.batchbench.framework.mybatis;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One row of {@code orders} as the MyBatis mapper builds it: an immutable record filled through
 * its canonical constructor, whose arguments {@code OrderMapper.xml} names one by one.
 */
record Order(long id, int customerId, String status, BigDecimal amount, OffsetDateTime createdAt, String note) {
}

package io.batchbench.framework.mybatis;

import java.math.BigDecimal;

/** The two columns the update's {@code projection} strategy loads: public, as MyBatis constructs it reflectively. */
public record IdAmount(long id, BigDecimal amount) {
}

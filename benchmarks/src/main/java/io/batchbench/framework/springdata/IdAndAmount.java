package io.batchbench.framework.springdata;

import java.math.BigDecimal;

/**
 * A closed interface projection of {@code orders}: Spring Data derives a query that selects only
 * these two properties and hands each row back as a proxy of this interface. Read-only, as every
 * Spring Data projection is: it cannot be saved.
 */
interface IdAndAmount {

    Long getId();

    BigDecimal getAmount();
}

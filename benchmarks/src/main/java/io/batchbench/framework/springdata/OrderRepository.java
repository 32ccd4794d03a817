package io.batchbench.framework.springdata;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.job.BatchJob;

/**
 * The one repository of the adapter, as a Spring Data user declares it: {@code JpaRepository}'s
 * CRUD, paging and flush methods, derived query methods for the chunks and pages the workloads
 * read, {@code @Modifying @Query} methods for the set-based updates, and the
 * {@link OrderStreaming} fragment for the streamed scan. Not annotated {@code @Transactional}, as
 * most repositories are not: the CRUD methods run in {@code SimpleJpaRepository}'s own
 * transactions (read-only for reads) unless a caller's transaction is open, the declared query
 * methods in none (Spring Data JPA's "Transactionality" chapter). Every workload method of the
 * adapter opens its own transactions with a {@code TransactionTemplate}, except the single page.
 */
interface OrderRepository extends JpaRepository<OrderEntity, Long>, OrderStreaming {

    /**
     * Keyset scrolling: the {@code limit} rows after {@code position} in id order. Spring Data
     * asks for {@code limit + 1} rows, to tell from the extra one whether the window has a next.
     */
    Window<OrderEntity> findAllByOrderByIdAsc(ScrollPosition position, Limit limit);

    /** An update chunk: the rows with ids in (after, upTo], in id order, at most {@code limit}. */
    List<OrderEntity> findByIdGreaterThanAndIdLessThanEqualOrderByIdAsc(long after, long upTo, Limit limit);

    /** The same chunk as the {@link IdAndAmount} projection: a query that selects id and amount only. */
    List<IdAndAmount> findAmountsByIdGreaterThanAndIdLessThanEqualOrderByIdAsc(long after, long upTo, Limit limit);

    /** A batch-job chunk by page: {@code List}, not {@code Page}, so no count query runs with it. */
    List<OrderEntity> findByStatus(String status, Pageable pageable);

    /** A batch-job chunk by keyset scrolling (again {@code limit + 1} rows asked for). */
    Window<OrderEntity> findByStatusOrderByIdAsc(String status, ScrollPosition position, Limit limit);

    /** The update's {@code bulk}: the amount computed in HQL, one UPDATE for all rows. */
    @Modifying
    @Query("update OrderEntity o set o.amount = mod(o.id * 7919 + :round, 1000000) / 100.0bd where o.id <= :rows")
    int updateAmountsInBulk(int round, long rows);

    /** The update's {@code values}: HQL cannot join an UPDATE to a list of values, so a native query joins arrays. */
    @Modifying
    @Query(nativeQuery = true, value = "UPDATE orders o SET amount = v.amount"
            + " FROM unnest(:ids, :amounts) AS v(id, amount) WHERE o.id = v.id")
    int updateAmountsFromArrays(Long[] ids, BigDecimal[] amounts);

    /** The batch job's {@code bulk}: one chunk processed in one set-based UPDATE. */
    @Modifying
    @Query("update OrderEntity o set o.status = '" + BatchJob.PROCESSED + "' where o.id in"
            + " (select m.id from OrderEntity m where m.status = '" + BatchJob.MATCHING + "' order by m.id limit :chunk)")
    int processChunk(int chunk);

    /** The concurrent job's {@code range}: a keyset chunk inside the unit's ids. */
    List<OrderEntity> findByStatusAndIdGreaterThanAndIdLessThanEqualOrderByIdAsc(String status, long after, long upTo,
                                                                                Limit limit);

    /**
     * The concurrent job's {@code skipLocked}: a chunk locked with {@code @Lock(PESSIMISTIC_WRITE)},
     * passing over rows another transaction holds. A lock timeout of -2 is Hibernate's SKIP LOCKED
     * ({@code org.hibernate.Timeouts.SKIP_LOCKED_MILLI}), set through the JPA hint as Spring Data's
     * reference shows for lock timeouts.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select o from OrderEntity o where o.status = '" + BatchJob.MATCHING + "' order by o.id")
    List<OrderEntity> claimChunk(Limit limit);

    /**
     * The concurrent job's {@code bulk}: one chunk claimed and processed without loading it, its ids
     * returned. Native, because JPQL has neither {@code SKIP LOCKED} in a subquery nor {@code RETURNING};
     * not {@code @Modifying}, because it returns rows.
     */
    @Query(nativeQuery = true, value = "UPDATE orders SET status = '" + BatchJob.PROCESSED + "' WHERE id IN"
            + " (SELECT id FROM orders WHERE status = '" + BatchJob.MATCHING + "' ORDER BY id LIMIT :chunk"
            + " FOR UPDATE SKIP LOCKED) RETURNING id")
    List<Long> claimAndProcessChunk(int chunk);

    /** The smallest and largest matching id; nulls when none matches. */
    @Query("select min(o.id), max(o.id) from OrderEntity o where o.status = '" + BatchJob.MATCHING + "'")
    List<Object[]> matchingRange();
}

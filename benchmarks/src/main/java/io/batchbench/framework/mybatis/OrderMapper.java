package io.batchbench.framework.mybatis;

import java.math.BigDecimal;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

import io.batchbench.workload.NewOrder;
import io.batchbench.workload.update.UpdatePlan;

/**
 * The statements of {@code OrderMapper.xml}, bound by MyBatis to this interface's names. Writes
 * whose row count nobody reads return nothing; in a BATCH session, where MyBatis only queues a
 * statement, the count it returns is a placeholder anyway.
 */
interface OrderMapper {

    List<Order> offsetPage(@Param("offset") long offset, @Param("pageSize") int pageSize);

    List<Order> keysetPage(@Param("afterId") long afterId, @Param("pageSize") int pageSize);

    /** Every row in key order, streamed; only valid while its session's transaction is open. */
    Cursor<Order> all();

    void insertOne(NewOrder order);

    /** One INSERT with a VALUES row per order. */
    void insertChunk(@Param("orders") List<NewOrder> orders);

    /** Up to {@code chunkSize} rows with {@code afterId < id <= lastId}, in key order. */
    List<Order> loadChunk(@Param("afterId") long afterId, @Param("lastId") long lastId,
                          @Param("chunkSize") int chunkSize);

    /** The same rows' id and amount only. */
    List<IdAmount> loadAmounts(@Param("afterId") long afterId, @Param("lastId") long lastId,
                               @Param("chunkSize") int chunkSize);

    void updateAmount(@Param("id") long id, @Param("amount") BigDecimal amount);

    /** {@link UpdatePlan#AMOUNT_SQL} for every id up to {@code rows}; returns the rows updated. */
    int updateAmountsInSql(@Param("round") int round, @Param("rows") long rows);

    /** One UPDATE joining the changes as a VALUES list. */
    void updateAmountsFromValues(@Param("changes") List<UpdatePlan.Change> changes);

    List<Order> matchingOffsetChunk(@Param("offset") long offset, @Param("chunkSize") int chunkSize);

    List<Order> matchingKeysetChunk(@Param("afterId") long afterId, @Param("chunkSize") int chunkSize);

    void processOne(@Param("id") long id);

    /** Processes the first {@code chunkSize} matching rows without loading them; returns how many it updated. */
    int processChunk(@Param("chunkSize") int chunkSize);

    /** The smallest and largest matching id; both null when no row matches. */
    IdBounds matchingRange();

    List<Order> rangeChunk(@Param("afterId") long afterId, @Param("toId") long toId, @Param("chunkSize") int chunkSize);

    /** Up to {@code chunkSize} matching rows, locked, passing over rows another transaction holds. */
    List<Order> claimChunk(@Param("chunkSize") int chunkSize);

    /** Claims and processes up to {@code chunkSize} matching rows without loading them; returns their ids. */
    List<Long> claimAndProcessChunk(@Param("chunkSize") int chunkSize);
}

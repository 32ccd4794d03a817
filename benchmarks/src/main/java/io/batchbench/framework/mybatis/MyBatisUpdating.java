package io.batchbench.framework.mybatis;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import io.batchbench.workload.Chunks;
import io.batchbench.workload.update.UpdatePlan;
import io.batchbench.workload.update.Updating;

/**
 * Updates through {@code OrderMapper.xml}, each operation one {@link SqlSession} and one
 * {@link SqlSession#commit()}.
 * <ul>
 * <li>{@code dirtyCheck}: MyBatis has no dirty checking, so this is what its users write by hand:
 * {@code loadChunk} selects a chunk of {@link Order}s, and {@code updateAmount} runs for each row
 * whose amount changed, in a BATCH executor session flushed per chunk.
 * <li>{@code projection}: the same with {@code loadAmounts}, which selects only id and amount into
 * an {@link IdAmount}.
 * <li>{@code batch}: the same {@code updateAmount} per row in a BATCH session, without loading.
 * <li>{@code bulk}: {@code updateAmountsInSql}, one UPDATE computing {@link UpdatePlan#AMOUNT_SQL}.
 * <li>{@code values}: {@code updateAmountsFromValues}, one {@code UPDATE ... FROM (VALUES ...)} per
 * chunk, its VALUES list written by {@code <foreach>}.
 * </ul>
 * The session's local cache is cleared after every statement ({@code localCacheScope=STATEMENT}),
 * and each flush releases the queued parameters, so memory stays at one chunk however many rows.
 */
final class MyBatisUpdating implements Updating {

    private final SqlSessionFactory sessions;

    MyBatisUpdating(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void dirtyCheck(UpdatePlan plan) {
        loadChangeWrite(plan, OrderMapper::loadChunk, Order::id, Order::amount);
    }

    @Override
    public void projection(UpdatePlan plan) {
        loadChangeWrite(plan, OrderMapper::loadAmounts, IdAmount::id, IdAmount::amount);
    }

    /** A mapper select of the rows with {@code afterId < id <= lastId}, at most {@code chunkSize}, in key order. */
    @FunctionalInterface
    private interface ChunkLoader<T> {
        List<T> load(OrderMapper mapper, long afterId, long lastId, int chunkSize);
    }

    private <T> void loadChangeWrite(UpdatePlan plan, ChunkLoader<T> loader, ToLongFunction<T> id,
                                     Function<T, BigDecimal> amount) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            long last = 0;
            List<T> rows;
            do {
                rows = loader.load(mapper, last, plan.rows(), Chunks.MAX_ROWS);
                for (T row : rows) {
                    last = id.applyAsLong(row);
                    BigDecimal newAmount = plan.amount(last);
                    if (amount.apply(row).compareTo(newAmount) != 0) {
                        mapper.updateAmount(last, newAmount);
                    }
                }
                session.flushStatements();
            } while (!rows.isEmpty() && last < plan.rows());
            session.commit();
        }
    }

    @Override
    public void batch(UpdatePlan plan) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                for (UpdatePlan.Change change : chunk) {
                    mapper.updateAmount(change.id(), change.amount());
                }
                session.flushStatements();
            }
            session.commit();
        }
    }

    @Override
    public void bulk(UpdatePlan plan) {
        try (SqlSession session = sessions.openSession()) {
            session.getMapper(OrderMapper.class).updateAmountsInSql(plan.round(), plan.rows());
            session.commit();
        }
    }

    @Override
    public void values(UpdatePlan plan) {
        try (SqlSession session = sessions.openSession()) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                mapper.updateAmountsFromValues(chunk);
            }
            session.commit();
        }
    }
}

package io.batchbench.framework.mybatis;

import java.sql.SQLException;
import java.util.List;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.CopyRows;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.Inserting;

/**
 * Inserts through {@code OrderMapper.xml}, one {@link SqlSession} (one connection, auto-commit
 * off) per operation and {@link SqlSession#commit()} per transaction of the plan.
 * <ul>
 * <li>{@code row}: the default SIMPLE executor, {@code insertOne} per row: a statement executed per call.
 * <li>{@code batch}: a BATCH executor session, the same {@code insertOne} per row, which MyBatis
 * queues as JDBC {@code addBatch}; {@link SqlSession#flushStatements()} sends each chunk, the way
 * the MyBatis documentation recommends for batch inserts.
 * <li>{@code multirow}: {@code insertChunk}, a {@code <foreach>} VALUES list, one INSERT per chunk.
 * <li>{@code copy}: MyBatis has no COPY; its users take the session's connection
 * ({@link SqlSession#getConnection()}) and run pgjdbc's CopyManager on it.
 * </ul>
 */
final class MyBatisInserting implements Inserting {

    private final SqlSessionFactory sessions;

    MyBatisInserting(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void row(InsertPlan plan) {
        try (SqlSession session = sessions.openSession()) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            for (List<List<NewOrder>> transaction : plan.transactions()) {
                for (List<NewOrder> chunk : transaction) {
                    chunk.forEach(mapper::insertOne);
                }
                session.commit();
            }
        }
    }

    @Override
    public void batch(InsertPlan plan) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            for (List<List<NewOrder>> transaction : plan.transactions()) {
                for (List<NewOrder> chunk : transaction) {
                    chunk.forEach(mapper::insertOne);
                    session.flushStatements();
                }
                session.commit();
            }
        }
    }

    @Override
    public void multirow(InsertPlan plan) {
        try (SqlSession session = sessions.openSession()) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            for (List<List<NewOrder>> transaction : plan.transactions()) {
                for (List<NewOrder> chunk : transaction) {
                    mapper.insertChunk(chunk);
                }
                session.commit();
            }
        }
    }

    @Override
    public void copy(InsertPlan plan) {
        try (SqlSession session = sessions.openSession()) {
            try {
                for (List<List<NewOrder>> transaction : plan.transactions()) {
                    copy(session, transaction);
                    // MyBatis commits only a session that ran an insert, update or delete; it never saw the COPY.
                    session.commit(true);
                }
            } catch (RuntimeException e) {
                // Closing a session MyBatis thinks clean does not roll back: it restores auto-commit,
                // which pgjdbc turns into a COMMIT of the chunks copied so far.
                session.rollback(true);
                throw e;
            }
        }
    }

    private static void copy(SqlSession session, List<List<NewOrder>> transaction) {
        try {
            CopyRows.copy(session.getConnection(), transaction);
        } catch (SQLException e) {
            throw new PersistenceException("COPY of " + transaction.stream().mapToInt(List::size).sum() + " rows failed: "
                    + e.getMessage(), e);
        }
    }
}

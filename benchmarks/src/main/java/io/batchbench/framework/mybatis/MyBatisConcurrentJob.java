package io.batchbench.framework.mybatis;

import java.sql.SQLException;
import java.util.List;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;

/**
 * The concurrent job through {@code OrderMapper.xml}: an {@link SqlSession} per unit (sessions
 * are not thread-safe, the factory is: the "Scope and Lifecycle" section of MyBatis' getting
 * started guide) and a {@link SqlSession#commit()} per chunk. {@code range} and {@code skipLocked}
 * select a chunk ({@code rangeChunk}, {@code claimChunk} with {@code FOR UPDATE SKIP LOCKED}) and
 * send its {@code processOne} UPDATEs as one JDBC batch from a BATCH session, as
 * {@link MyBatisBatchJob} does; {@code bulk} maps {@code UPDATE ... RETURNING id} as a select
 * ({@code claimAndProcessChunk}) in a SIMPLE session. The processed-ids log is written on
 * {@link SqlSession#getConnection()}, the session's own connection.
 */
final class MyBatisConcurrentJob implements ConcurrentJob {

    private final SqlSessionFactory sessions;

    MyBatisConcurrentJob(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public IdRange matchingRange() {
        try (SqlSession session = sessions.openSession()) {
            IdBounds bounds = session.getMapper(OrderMapper.class).matchingRange();
            return bounds == null || bounds.lowest() == null ? IdRange.EMPTY
                    : new IdRange(bounds.lowest(), bounds.highest());
        }
    }

    @Override
    public void range(IdRange range, int chunkSize, ChunkLog log) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            long last = range.from() - 1;
            List<Order> chunk;
            do {
                long start = System.nanoTime();
                chunk = mapper.rangeChunk(last, range.to(), chunkSize);
                process(session, mapper, chunk, log, start);
                if (!chunk.isEmpty()) {
                    last = chunk.getLast().id();
                }
            } while (chunk.size() == chunkSize && !log.stopRequested());
        }
    }

    @Override
    public void skipLocked(int chunkSize, ChunkLog log) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            List<Order> chunk;
            do {
                long start = System.nanoTime();
                chunk = mapper.claimChunk(chunkSize);
                process(session, mapper, chunk, log, start);
            } while (!chunk.isEmpty() && !log.stopRequested());
        }
    }

    @Override
    public void bulk(int chunkSize, ChunkLog log) {
        try (SqlSession session = sessions.openSession()) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            long[] ids;
            do {
                long start = System.nanoTime();
                ids = mapper.claimAndProcessChunk(chunkSize).stream().mapToLong(Long::longValue).toArray();
                commit(session, ids, log, start);
            } while (ids.length > 0 && !log.stopRequested());
        }
    }

    private static void process(SqlSession session, OrderMapper mapper, List<Order> chunk, ChunkLog log, long start) {
        long[] ids = new long[chunk.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = chunk.get(i).id();
            mapper.processOne(ids[i]);
        }
        session.flushStatements();
        commit(session, ids, log, start);
    }

    // commit(true): a chunk that changed nothing through the mapper must still end its transaction.
    private static void commit(SqlSession session, long[] ids, ChunkLog log, long start) {
        if (ids.length > 0) {
            try {
                ProcessedIds.record(session.getConnection(), ids);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        session.commit(true);
        if (ids.length > 0) {
            log.committed(ids, start);
        }
    }
}

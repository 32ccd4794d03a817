package io.batchbench.framework.mybatis;

import java.util.List;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.JobProgress;

/**
 * The batch job through {@code OrderMapper.xml}, one {@link SqlSession} per job and a
 * {@link SqlSession#commit()} per chunk.
 * <ul>
 * <li>{@code offset}, {@code keyset}: {@code matchingOffsetChunk} / {@code matchingKeysetChunk}
 * select a chunk of {@link Order}s, {@code processOne} runs per row in a BATCH executor session,
 * and {@link SqlSession#flushStatements()} sends the chunk's UPDATEs as one JDBC batch. A select
 * in a BATCH session flushes what is queued first, so reads always see the previous chunk's writes.
 * <li>{@code bulk}: {@code processChunk}, one UPDATE with an {@code id IN (SELECT ... LIMIT)}
 * subquery per chunk, in a SIMPLE session; nothing is loaded.
 * </ul>
 */
final class MyBatisBatchJob implements BatchJob {

    private final SqlSessionFactory sessions;

    MyBatisBatchJob(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void offset(int chunkSize, JobProgress progress) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            long stillMatching = 0;
            List<Order> chunk;
            do {
                chunk = mapper.matchingOffsetChunk(stillMatching, chunkSize);
                process(session, mapper, chunk, progress);
                // Every row read was processed and no longer matches: the offset stays where it is.
            } while (chunk.size() == chunkSize);
        }
    }

    @Override
    public void keyset(int chunkSize, JobProgress progress) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            long last = 0;
            List<Order> chunk;
            do {
                chunk = mapper.matchingKeysetChunk(last, chunkSize);
                process(session, mapper, chunk, progress);
                if (!chunk.isEmpty()) {
                    last = chunk.getLast().id();
                }
            } while (chunk.size() == chunkSize);
        }
    }

    @Override
    public void bulk(int chunkSize, JobProgress progress) {
        try (SqlSession session = sessions.openSession()) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            int updated;
            do {
                updated = mapper.processChunk(chunkSize);
                session.commit();
                progress.processedInBulk(updated);
            } while (updated == chunkSize);
        }
    }

    private static void process(SqlSession session, OrderMapper mapper, List<Order> chunk, JobProgress progress) {
        for (Order row : chunk) {
            mapper.processOne(row.id());
            progress.processed(row.id());
        }
        session.flushStatements();
        session.commit();
    }
}

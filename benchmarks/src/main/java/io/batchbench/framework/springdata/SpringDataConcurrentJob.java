package io.batchbench.framework.springdata;

import static io.batchbench.workload.job.BatchJob.MATCHING;
import static io.batchbench.workload.job.BatchJob.PROCESSED;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;

/**
 * The concurrent job with a {@code TransactionTemplate} transaction per chunk: the repository and
 * the template are shared by every unit (Spring binds each transaction, its entity manager and its
 * connection to the calling thread), so a unit is just a loop on its own thread. A chunk is loaded
 * as managed {@link OrderEntity}s by a repository method ({@code range}: a derived query with
 * {@code Limit}; {@code skipLocked}: {@code claimChunk}, {@code @Lock} with the SKIP LOCKED hint),
 * processed by setting their status and written by dirty checking at commit as one JDBC batch.
 * {@code bulk} is the native {@code claimAndProcessChunk}. The processed-ids log goes through the
 * context's {@code JdbcTemplate}, which joins the JPA transaction's connection.
 */
final class SpringDataConcurrentJob implements ConcurrentJob {

    private final OrderRepository orders;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    SpringDataConcurrentJob(OrderRepository orders, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.orders = orders;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    @Override
    public IdRange matchingRange() {
        Object[] range = transaction.execute(status -> orders.matchingRange().getFirst());
        return range[0] == null ? IdRange.EMPTY : new IdRange((Long) range[0], (Long) range[1]);
    }

    @Override
    public void range(IdRange range, int chunkSize, ChunkLog log) {
        Limit limit = Limit.of(chunkSize);
        long last = range.from() - 1;
        List<OrderEntity> chunk;
        do {
            long after = last;
            chunk = processChunk(() -> orders.findByStatusAndIdGreaterThanAndIdLessThanEqualOrderByIdAsc(
                    MATCHING, after, range.to(), limit), log);
            if (!chunk.isEmpty()) {
                last = chunk.getLast().getId();
            }
        } while (chunk.size() == chunkSize && !log.stopRequested());
    }

    @Override
    public void skipLocked(int chunkSize, ChunkLog log) {
        Limit limit = Limit.of(chunkSize);
        List<OrderEntity> chunk;
        do {
            chunk = processChunk(() -> orders.claimChunk(limit), log);
        } while (!chunk.isEmpty() && !log.stopRequested());
    }

    @Override
    public void bulk(int chunkSize, ChunkLog log) {
        long[] ids;
        do {
            long start = System.nanoTime();
            ids = transaction.execute(status -> logged(orders.claimAndProcessChunk(chunkSize).stream()
                    .mapToLong(Long::longValue).toArray()));
            if (ids.length > 0) {
                log.committed(ids, start);
            }
        } while (ids.length > 0 && !log.stopRequested());
    }

    private List<OrderEntity> processChunk(Supplier<List<OrderEntity>> read, ChunkLog log) {
        long start = System.nanoTime();
        List<OrderEntity> chunk = transaction.execute(status -> {
            List<OrderEntity> rows = read.get();
            rows.forEach(order -> order.setStatus(PROCESSED));
            logged(rows.stream().mapToLong(OrderEntity::getId).toArray());
            return rows;
        });
        if (!chunk.isEmpty()) {
            log.committed(chunk.stream().mapToLong(OrderEntity::getId).toArray(), start);
        }
        return chunk;
    }

    private long[] logged(long[] ids) {
        if (ids.length > 0) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                ProcessedIds.record(connection, ids);
                return null;
            });
        }
        return ids;
    }
}

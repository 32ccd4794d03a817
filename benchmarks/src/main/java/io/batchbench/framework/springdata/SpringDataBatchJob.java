package io.batchbench.framework.springdata;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.JobProgress;

/**
 * The batch job with one {@code TransactionTemplate} transaction per chunk, each with its own
 * entity manager (Spring's are transaction-scoped, so nothing has to be cleared): a chunk is loaded
 * as managed {@link OrderEntity}s by a repository query method, processed by setting their status,
 * saved with {@code saveAll} (a {@code merge} of managed entities, which sends nothing) and written
 * by dirty checking at commit, as one JDBC batch of UPDATEs.
 * <ul>
 * <li>{@code offset}: {@code findByStatus("NEW", PageRequest.of(0, chunk, Sort.by("id")))}, a
 *     {@code List} so no count query runs. The page stays 0, because every row read was
 *     processed and no longer matches: {@code pageable.next()}, the tutorials' loop, skips a chunk
 *     for every chunk processed.</li>
 * <li>{@code keyset}: a {@code Window} from {@code ScrollPosition.keyset()} on through
 *     {@code positionAt(last)} while {@code hasNext()}: {@code status = 'NEW' and id > :last},
 *     asking for {@code chunk + 1} rows (the extra row is loaded, managed and left unchanged, so
 *     it sends no UPDATE).</li>
 * <li>{@code bulk}: a {@code @Modifying @Query} HQL UPDATE of one chunk, {@code ... where id in
 *     (select ... order by id limit :chunk)}, per transaction, until one updates fewer.</li>
 * </ul>
 */
final class SpringDataBatchJob implements BatchJob {

    private final OrderRepository orders;
    private final TransactionTemplate transaction;

    SpringDataBatchJob(OrderRepository orders, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void offset(int chunkSize, JobProgress progress) {
        Pageable firstChunk = PageRequest.of(0, chunkSize, Sort.by("id"));
        List<OrderEntity> chunk;
        do {
            chunk = transaction.execute(status -> process(orders.findByStatus(MATCHING, firstChunk), progress));
        } while (chunk.size() == chunkSize);
    }

    @Override
    public void keyset(int chunkSize, JobProgress progress) {
        Limit limit = Limit.of(chunkSize);
        ScrollPosition position = ScrollPosition.keyset();
        Window<OrderEntity> window;
        do {
            ScrollPosition after = position;
            window = transaction.execute(status -> {
                Window<OrderEntity> rows = orders.findByStatusOrderByIdAsc(MATCHING, after, limit);
                process(rows.getContent(), progress);
                return rows;
            });
            if (!window.isEmpty()) {
                position = window.positionAt(window.size() - 1);
            }
        } while (window.hasNext());
    }

    @Override
    public void bulk(int chunkSize, JobProgress progress) {
        int updated;
        do {
            updated = transaction.execute(status -> orders.processChunk(chunkSize));
            progress.processedInBulk(updated);
        } while (updated == chunkSize);
    }

    private List<OrderEntity> process(List<OrderEntity> chunk, JobProgress progress) {
        for (OrderEntity order : chunk) {
            order.setStatus(PROCESSED);
            progress.processed(order.getId());
        }
        orders.saveAll(chunk);
        return chunk;
    }
}

package io.batchbench.framework.hibernate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.hibernate.reactive.mutiny.Mutiny;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.insert.ReactiveInsertSupport;
import io.batchbench.workload.insert.ReactiveInserting;
import io.smallrye.mutiny.Uni;

/**
 * Inserts on Hibernate Reactive as {@link HibernateInserting} does on Hibernate ORM, so the pair
 * differs by the stack and not by the session: one reactive {@code Mutiny.Session} per plan, a
 * {@code withTransaction} per transaction of the plan, and per chunk {@code persistAll} of new
 * {@link OrderEntity}s, {@code flush()} and {@code clear()}. Ids come from the same pooled
 * sequence generator. {@code row} sets the session's batch size to 1 ({@code setBatchSize(1)}),
 * so the flush sends one INSERT per row and waits for each; {@code batch} keeps the unit's
 * {@code hibernate.jdbc.batch_size} of one chunk, which Hibernate Reactive sends as one
 * {@code executeBatch} of its Vert.x client.
 */
final class HibernateReactiveInserting implements ReactiveInserting {

    static final ReactiveInsertSupport SUPPORT = strategy -> switch (strategy) {
        case ROW, BATCH -> Optional.empty();
        case MULTIROW -> Optional.of("Hibernate writes no multi-row INSERT: its blocking cell gets one from pgjdbc's"
                + " reWriteBatchedInserts, which Hibernate Reactive's Vert.x client does not have");
        case COPY -> Optional.of("Hibernate Reactive has no COPY, and its Vert.x client no COPY FROM STDIN API to lend"
                + " a connection to");
    };

    private final Mutiny.SessionFactory sessionFactory;

    HibernateReactiveInserting(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public CompletionStage<Void> row(InsertPlan plan) {
        return persist(plan, 1);
    }

    @Override
    public CompletionStage<Void> batch(InsertPlan plan) {
        return persist(plan, null);
    }

    @Override
    public CompletionStage<Void> multirow(InsertPlan plan) {
        return SUPPORT.refuse(InsertStrategy.MULTIROW);
    }

    @Override
    public CompletionStage<Void> copy(InsertPlan plan) {
        return SUPPORT.refuse(InsertStrategy.COPY);
    }

    // A null batch size leaves the unit's.
    private CompletionStage<Void> persist(InsertPlan plan, Integer batchSize) {
        return sessionFactory.withSession(session -> {
            if (batchSize != null) {
                session.setBatchSize(batchSize);
            }
            Uni<Void> done = Uni.createFrom().voidItem();
            for (List<List<NewOrder>> transaction : plan.transactions()) {
                done = done.chain(() -> session.withTransaction(tx -> chunks(session, transaction)));
            }
            return done;
        }).subscribeAsCompletionStage();
    }

    private static Uni<Void> chunks(Mutiny.Session session, List<List<NewOrder>> transaction) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (List<NewOrder> chunk : transaction) {
            done = done.chain(() -> session.persistAll(chunk.stream().map(OrderEntity::new).toArray()))
                    .chain(session::flush)
                    .invoke(session::clear);
        }
        return done;
    }
}

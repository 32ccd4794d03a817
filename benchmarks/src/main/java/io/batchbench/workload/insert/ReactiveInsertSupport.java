package io.batchbench.workload.insert;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Which insert strategies a non-blocking stack has an idiom for, known before anything is opened,
 * so that the launcher can set the others aside with their reason.
 */
@FunctionalInterface
public interface ReactiveInsertSupport {

    /** Why the stack cannot insert with {@code strategy}, or empty when it can. */
    Optional<String> unsupported(InsertStrategy strategy);

    /** The stage of a strategy the stack cannot do: failed with the reason, for a caller that asks anyway. */
    default CompletionStage<Void> refuse(InsertStrategy strategy) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(unsupported(strategy)
                .orElseThrow(() -> new IllegalStateException(strategy.label() + " is supported"))));
    }
}

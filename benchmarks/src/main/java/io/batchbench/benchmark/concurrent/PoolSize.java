package io.batchbench.benchmark.concurrent;

/**
 * The {@code pool} parameter of the concurrent benchmarks: {@code workers} (the default: one
 * connection per unit in flight, the same in every framework and executor), or a number of
 * connections of at least {@code workers}. A smaller pool would make units queue for a connection
 * inside the measured region and measure the pool, not the framework, so it is refused.
 */
final class PoolSize {

    static final String WORKERS = "workers";

    private PoolSize() {
    }

    static int parse(String pool, int workers) {
        if (WORKERS.equals(pool)) {
            return workers;
        }
        int size;
        try {
            size = Integer.parseInt(pool);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pool must be '" + WORKERS + "' or a number of connections, got '"
                    + pool + "'");
        }
        if (size < workers) {
            throw new IllegalArgumentException("pool " + size + " is smaller than workers=" + workers
                    + ": every unit in flight needs a connection of its own; leave pool at '" + WORKERS + "'");
        }
        return size;
    }
}

package io.batchbench.workload.job;

import io.batchbench.workload.WrongResultException;

/**
 * What the batch job processed, checked as it goes: rows loaded and processed one by one must come
 * in strictly increasing id order (so none repeats), and at the end the count and the sum of ids
 * must be those of the rows that matched (so none is missing). A bulk chunk reports only its count.
 */
public final class JobProgress {

    private final String job;
    private long rows;
    private long idSum;
    private long lastId;
    private boolean bulk;

    public JobProgress(String job) {
        this.job = job;
    }

    /** A row loaded and processed. */
    public void processed(long id) {
        if (id <= lastId) {
            throw new WrongResultException(job + " processed id " + id + " after id " + lastId
                    + ": a row was processed twice or out of order");
        }
        lastId = id;
        rows++;
        idSum += id;
    }

    /** A set-based chunk that updated {@code updated} rows. */
    public void processedInBulk(long updated) {
        bulk = true;
        rows += updated;
    }

    public long rows() {
        return rows;
    }

    /** Throws unless exactly the expected rows were processed; returns their count. */
    public long verify(long expectedRows, long expectedIdSum) {
        if (rows != expectedRows || (!bulk && idSum != expectedIdSum)) {
            throw new WrongResultException(job + " processed " + rows + " rows (id sum " + idSum + "); "
                    + expectedRows + " rows matched (id sum " + expectedIdSum + "): rows were skipped or repeated");
        }
        return rows;
    }
}

package io.batchbench.framework;

import java.util.Map;

/**
 * Where a non-blocking stack connects: the trial's database, through the trial's path (a relay's
 * port when there is one), with a pool of {@code poolSize} connections, the same size as the
 * blocking stacks' pool. TLS is off, as the audit relay needs to read the protocol.
 * {@code settings} are server run-time parameters every connection sets in its startup message
 * ({@code synchronous_commit}), as the blocking pool sets them through pgjdbc's {@code options}.
 */
public record ReactiveTarget(String host, int port, String database, String user, String password, int poolSize,
                             Map<String, String> settings) {

    public ReactiveTarget {
        settings = Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "ReactiveTarget[" + host + ":" + port + "/" + database + ", user " + user + ", pool " + poolSize
                + (settings.isEmpty() ? "" : ", " + settings) + "]";
    }
}

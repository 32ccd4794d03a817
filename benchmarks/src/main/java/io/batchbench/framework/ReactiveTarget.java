package io.batchbench.framework;

/**
 * Where a non-blocking stack connects: the trial's database, through the trial's path (a relay's
 * port when there is one), with a pool of {@code poolSize} connections, the same size as the
 * blocking stacks' pool. TLS is off, as the audit relay needs to read the protocol.
 */
public record ReactiveTarget(String host, int port, String database, String user, String password, int poolSize) {

    @Override
    public String toString() {
        return "ReactiveTarget[" + host + ":" + port + "/" + database + ", user " + user + ", pool " + poolSize + "]";
    }
}

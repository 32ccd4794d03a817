package io.batchbench.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits one connection's client-to-server byte stream into PostgreSQL frontend messages and
 * tells the tally which statements it asks the server to execute: a simple Query ({@code Q}) is
 * one, an extended protocol Execute ({@code E}) is one, named after the SQL its portal was bound
 * to by Parse ({@code P}) and Bind ({@code B}). Everything else (Sync, Describe, CopyData, ...)
 * is skipped by length without being copied.
 *
 * <p>It also tells whether a piece of the stream ended at a point where the client may wait for
 * the server: right after a Sync ({@code S}), a simple Query, or a CopyDone or CopyFail
 * ({@code c}, {@code f}). pgjdbc buffers its messages and flushes them when it is going to wait,
 * so a flush that ends elsewhere (in the middle of a large Bind, say) is not a turn even if the
 * server answers an earlier message meanwhile.
 */
final class FrontendMessages {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final WireTally tally;
    private final Map<String, String> statementVerbs = new HashMap<>();
    private final Map<String, String> portalVerbs = new HashMap<>();
    private final byte[] header = new byte[5];
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean startup = true;
    private int headerFilled;
    private long bodyRemaining;
    private boolean keepBody;
    private byte lastType;
    // Since the client last stopped to wait: did it ask for a statement, and were all of them the
    // pool's liveness check (pgjdbc's isValid, an empty query)? Such a wait is not the operation's
    // work: whether the pool checks a connection depends on how long it was idle, not the strategy.
    private boolean statementSinceWait;
    private boolean onlyLivenessChecksSinceWait = true;

    FrontendMessages(WireTally tally) {
        this.tally = tally;
    }

    /** Takes the next bytes the client sent; returns whether they end where the client may wait for an answer. */
    boolean feed(byte[] buffer, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (bodyRemaining > 0) {
                int n = (int) Math.min(bodyRemaining, end - i);
                if (keepBody) {
                    body.write(buffer, i, n);
                }
                i += n;
                bodyRemaining -= n;
                if (bodyRemaining == 0) {
                    complete();
                }
                continue;
            }
            // Startup-phase messages have no type byte: a 4-byte length comes first.
            int headerSize = startup ? 4 : 5;
            header[headerFilled++] = buffer[i++];
            if (headerFilled == headerSize) {
                int lengthAt = startup ? 0 : 1;
                long messageLength = ((header[lengthAt] & 0xffL) << 24) | ((header[lengthAt + 1] & 0xff) << 16)
                        | ((header[lengthAt + 2] & 0xff) << 8) | (header[lengthAt + 3] & 0xff);
                headerFilled = 0;
                bodyRemaining = messageLength - 4;
                keepBody = startup || "PBEQ".indexOf(header[0]) >= 0;
                body.reset();
                if (bodyRemaining == 0) {
                    complete();
                }
            }
        }
        boolean waits = !startup && headerFilled == 0 && bodyRemaining == 0 && "SQcf".indexOf(lastType) >= 0;
        if (!waits) {
            return false;
        }
        boolean livenessCheck = statementSinceWait && onlyLivenessChecksSinceWait;
        statementSinceWait = false;
        onlyLivenessChecksSinceWait = true;
        return !livenessCheck;
    }

    private void complete() {
        byte[] message = body.toByteArray();
        if (startup) {
            int code = message.length >= 4 ? ((message[0] & 0xff) << 24) | ((message[1] & 0xff) << 16)
                    | ((message[2] & 0xff) << 8) | (message[3] & 0xff) : 0;
            // An SSL or GSS encryption request is followed by another untyped message; the startup message is not.
            startup = code == SSL_REQUEST || code == GSSENC_REQUEST;
            return;
        }
        lastType = header[0];
        switch (header[0]) {
            case 'Q' -> statement(verb(cString(message, 0)));
            case 'P' -> {
                String name = cString(message, 0);
                statementVerbs.put(name, verb(cString(message, name.getBytes(StandardCharsets.UTF_8).length + 1)));
            }
            case 'B' -> {
                String portal = cString(message, 0);
                String statement = cString(message, portal.getBytes(StandardCharsets.UTF_8).length + 1);
                portalVerbs.put(portal, statementVerbs.getOrDefault(statement, "UNKNOWN"));
            }
            case 'E' -> statement(portalVerbs.getOrDefault(cString(message, 0), "UNKNOWN"));
            case 'c', 'f' -> onlyLivenessChecksSinceWait = false;
            default -> {
                // not a statement
            }
        }
    }

    private void statement(String verb) {
        tally.statement(verb);
        statementSinceWait = true;
        onlyLivenessChecksSinceWait &= verb.equals(WireCounts.LIVENESS_CHECK);
    }

    private static String cString(byte[] message, int from) {
        int end = from;
        while (end < message.length && message[end] != 0) {
            end++;
        }
        return new String(message, from, end - from, StandardCharsets.UTF_8);
    }

    /** The statement's first keyword, upper case: INSERT, UPDATE, COPY, COMMIT, ...; EMPTY for a blank query. */
    static String verb(String sql) {
        String trimmed = sql.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return end == 0 ? WireCounts.LIVENESS_CHECK : trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }
}

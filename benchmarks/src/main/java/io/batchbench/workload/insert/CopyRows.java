package io.batchbench.workload.insert;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;

import io.batchbench.workload.NewOrder;

/**
 * COPY of new orders on a connection a framework hands out. pgjdbc's CopyManager is the API
 * every framework's users reach for (none wraps COPY), so the text encoding is shared and the
 * frameworks differ only in how they lend the connection and run the transaction.
 */
public final class CopyRows {

    public static final String SQL = "COPY orders (customer_id, status, amount, created_at, note) FROM STDIN";

    private CopyRows() {
    }

    /** COPYs the rows in the connection's current transaction; returns the row count the server reports. */
    public static long copy(Connection connection, List<NewOrder> rows) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL, new StringReader(text(rows)));
        } catch (IOException e) {
            throw new SQLException("COPY of " + rows.size() + " rows failed: " + e.getMessage(), e);
        }
    }

    /** COPY text format: tab-separated, {@code created_at} in ISO-8601 with its offset. */
    static String text(List<NewOrder> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 96);
        for (NewOrder row : rows) {
            text.append(row.customerId()).append('\t');
            escaped(text, row.status()).append('\t')
                    .append(row.amount().toPlainString()).append('\t')
                    .append(row.createdAt()).append('\t');
            escaped(text, row.note()).append('\n');
        }
        return text.toString();
    }

    private static StringBuilder escaped(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text;
    }
}

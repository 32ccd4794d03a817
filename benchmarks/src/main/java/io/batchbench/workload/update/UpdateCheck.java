package io.batchbench.workload.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.batchbench.workload.WrongResultException;

/** The update workload's check and reset, run outside the measured region. */
public final class UpdateCheck {

    private static final String CHANGED = "SELECT count(*) FROM orders WHERE id <= ? AND amount = " + UpdatePlan.AMOUNT_SQL;

    private UpdateCheck() {
    }

    /** Throws unless every one of the plan's rows holds its new amount. */
    public static void verify(Connection connection, String cell, UpdatePlan plan) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(CHANGED)) {
            count.setLong(1, plan.rows());
            count.setInt(2, plan.round());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                long changed = rs.getLong(1);
                if (changed != plan.rows()) {
                    throw new WrongResultException(cell + " left " + changed + " of ids 1.." + plan.rows()
                            + " with the amount of round " + plan.round() + ": rows were not updated or got a wrong value");
                }
            }
        }
    }

    /** Removes the dead row versions the operation left, so that every operation starts from the same kind of table. */
    public static void vacuum(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM orders");
        }
    }
}

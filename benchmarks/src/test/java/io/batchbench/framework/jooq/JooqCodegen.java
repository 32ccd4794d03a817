package io.batchbench.framework.jooq;

import java.nio.file.Path;
import java.sql.Connection;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;

import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ServerCoordinates;

/**
 * Runs jOOQ's code generator against a database built from {@code schema.sql}. It reads a live
 * PostgreSQL (PostgresDatabase) because the DDL-parsing DDLDatabase is not published for this
 * jOOQ version, and it runs in the test JVM because jOOQ 3.21 needs Java 21 while Maven itself
 * may run on an older JDK: so the output is committed and a test keeps it in step with the schema.
 */
final class JooqCodegen {

    static final String PACKAGE = "io.batchbench.framework.jooq.generated";

    private static final String RUN_ID = "jooqcodegen";
    private static final long ONE_ROW = 1;
    private static final long ANY_SEED = 1;

    private JooqCodegen() {
    }

    /** Writes the generated package under {@code sourceRoot}, replacing whatever that package held. */
    static void generate(ServerCoordinates server, Path sourceRoot) throws Exception {
        Datasets datasets = new Datasets(server, RUN_ID);
        try {
            TrialDatabase database = datasets.cloneOf(ONE_ROW, ANY_SEED);
            try (Connection connection = database.connect()) {
                GenerationTool tool = new GenerationTool();
                tool.setConnection(connection);
                tool.run(configuration(sourceRoot));
            }
        } finally {
            datasets.dropAll();
        }
    }

    private static Configuration configuration(Path sourceRoot) {
        return new Configuration()
                .withLogging(Logging.WARN)
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withIncludes("orders|orders_id_seq")
                                // Keys are what jOOQ uses (seek, store, onDuplicateKey); indexes and
                                // checks would only be metadata nobody reads.
                                .withIncludeIndexes(false)
                                .withIncludeCheckConstraints(false))
                        .withGenerate(new Generate()
                                .withTables(true)
                                .withRecords(true)
                                .withKeys(true)
                                .withSequences(true)
                                .withIndexes(false)
                                .withRoutines(false)
                                .withUdts(false)
                                // Getters and setters are the record API used here; the RecordN
                                // value1()..value6() overloads would triple the file for nothing.
                                .withRecordsImplementingRecordN(false)
                                // Byte-stable output: no date, no @Generated, one newline on every OS.
                                .withGeneratedAnnotation(false)
                                .withNewline("\n")
                                // Without the compile-time jOOQ version check, a jar built with another
                                // jooq.version (an A/B of framework versions) still compiles.
                                .withJooqVersionReference(false))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(sourceRoot.toString())
                                .withEncoding("UTF-8")
                                .withClean(true)));
    }
}

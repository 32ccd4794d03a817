package io.batchbench.tools.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one run. A folder holds {@code jmh.json}, {@code env.json} and, for audited
 * workloads, {@code audit.json}; a result file written with {@code -rff FILE.json} has
 * {@code FILE.env.json} and {@code FILE.audit.json} beside it, as the launcher writes them.
 */
public record RunLocation(Path jmh, Path env, Path audit) {

    public static RunLocation of(Path input) {
        if (Files.isDirectory(input)) {
            return new RunLocation(input.resolve("jmh.json"), input.resolve("env.json"), input.resolve("audit.json"));
        }
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return new RunLocation(input, input.resolveSibling(stem + ".env.json"),
                input.resolveSibling(stem + ".audit.json"));
    }

    /** Where a tool writes a run it made: a folder with the standard names. */
    public static RunLocation folder(Path dir) {
        return new RunLocation(dir.resolve("jmh.json"), dir.resolve("env.json"), dir.resolve("audit.json"));
    }
}

package io.batchbench.tools.gate;

import java.nio.file.Path;
import java.time.LocalDate;

import picocli.CommandLine.Option;

import io.batchbench.tools.run.OutputFiles;

/** The gate's options, shared by check and ab. */
public final class GateOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "thresholds and mutes (JSON, see docs/tools.md)")
    Path config;

    @Option(names = "--min-effect", paramLabel = "PERCENT", description = "smallest change that counts (default 5)")
    Double minEffect;

    @Option(names = "--alpha", description = "family-wise false-alarm level for Holm (default 0.05)")
    Double alpha;

    @Option(names = "--summary", paramLabel = "FILE", description = "also append the Markdown summary to FILE "
            + "(e.g. $GITHUB_STEP_SUMMARY)")
    Path summary;

    public Gate gate() {
        GateConfig read = config != null ? GateConfig.read(config) : GateConfig.defaults();
        return new Gate(Gate.Policy.of(read, alpha, minEffect, LocalDate.now()));
    }

    /** Prints the summary and appends it to the summary file, if any; returns the exit code. */
    public int report(Gate.Verdict verdict, String baseline, String candidate, Path alsoTo) {
        String markdown = CheckSummary.render(verdict, baseline, candidate);
        System.out.print(markdown);
        if (alsoTo != null) {
            OutputFiles.write(alsoTo, markdown);
        }
        if (summary != null) {
            OutputFiles.append(summary, markdown);
        }
        return verdict.exitCode();
    }
}

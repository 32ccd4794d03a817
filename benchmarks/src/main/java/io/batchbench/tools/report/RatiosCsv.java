package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.batchbench.tools.doc.Numbers;

/**
 * ratios.csv: every paired ratio of the report at full precision, one line each, with the cell's
 * parameters in their own columns and its reference's framework and strategy, so a script can
 * take the intervals over without parsing Markdown.
 */
final class RatiosCsv {

    static final String FILE = "ratios.csv";

    private RatiosCsv() {
    }

    static String write(List<ReportBuilder.SectionRatios> sections) {
        TreeSet<String> params = new TreeSet<>();
        sections.forEach(s -> s.ratios().forEach(r -> params.addAll(r.cell().cell().key().params().keySet())));
        List<String> header = new ArrayList<>(List.of("benchmark", "kind"));
        header.addAll(params);
        header.addAll(List.of("reference_framework", "reference_strategy", "pairs", "median_time_ratio", "low", "high",
                "coverage"));
        StringBuilder out = new StringBuilder();
        CsvWriter.line(out, header);
        for (ReportBuilder.SectionRatios section : sections) {
            for (PairedRatios.Ratio ratio : section.ratios()) {
                List<String> line = new ArrayList<>(List.of(ratio.cell().cell().key().benchmark(), ratio.kind()));
                params.forEach(p -> line.add(ratio.cell().cell().key().params().getOrDefault(p, "")));
                line.add(Pivot.framework(ratio.reference()));
                line.add(Pivot.strategy(ratio.reference()));
                line.add(String.valueOf(ratio.interval().n()));
                line.add(Numbers.exact(ratio.interval().median()));
                line.add(ratio.interval().hasInterval() ? Numbers.exact(ratio.interval().low()) : "");
                line.add(ratio.interval().hasInterval() ? Numbers.exact(ratio.interval().high()) : "");
                line.add(ratio.interval().hasInterval() ? Numbers.exact(ratio.interval().coverage()) : "");
                CsvWriter.line(out, line);
            }
        }
        return out.toString();
    }
}

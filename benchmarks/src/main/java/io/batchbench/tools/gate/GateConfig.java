package io.batchbench.tools.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.RunReader;
import io.batchbench.tools.run.UnusableInputException;

/**
 * The check's settings file (JSON), all fields optional:
 *
 * <pre>{@code
 * {
 *   "minEffectPercent": 5,
 *   "alpha": 0.05,
 *   "screenAlpha": 0.25,
 *   "metrics": {"gc.alloc.rate.norm": 3, "cpu.client": 5, "wal.bytes": 3},
 *   "rules": [
 *     {"benchmark": "InsertBenchmark.insert", "params": {"framework": "hibernate"}, "minEffectPercent": 10},
 *     {"benchmark": "FullScanBenchmark.fullScan", "params": {"strategy": "offset"},
 *      "mute": {"until": "2027-01-31", "reason": "#42: offset scan is noisy on CI runners"}}
 *   ]
 * }
 * }</pre>
 *
 * A rule applies to a cell when the benchmark's full name ends with {@code benchmark} and every
 * listed parameter has that value. A mute must say until when: a forgotten mute that silently
 * hides regressions forever is the failure this guards against; after its date it no longer
 * applies and the summary says so. {@code metrics} names the work metrics to test besides time,
 * each with its minimum effect in percent (the rules' minimum effects are time's); a metric named
 * there must be in both runs. Without it, the defaults of {@link GateMetrics} that both runs have.
 */
public record GateConfig(Double minEffectPercent, Double alpha, Double screenAlpha, List<Rule> rules,
                         Map<String, Double> metrics) {

    public static final double DEFAULT_MIN_EFFECT_PERCENT = 5;
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_SCREEN_ALPHA = 0.25;

    public record Rule(String benchmark, Map<String, String> params, Double minEffectPercent, Mute mute) {

        boolean matches(CellKey key) {
            return (benchmark == null || key.benchmark().endsWith(benchmark))
                    && (params == null || params.entrySet().stream()
                    .allMatch(p -> p.getValue().equals(key.params().get(p.getKey()))));
        }

        String describe() {
            StringBuilder text = new StringBuilder(benchmark == null ? "any benchmark" : benchmark);
            if (params != null) {
                params.forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            }
            return text.toString();
        }
    }

    public record Mute(String until, String reason) {

        LocalDate untilDate() {
            return LocalDate.parse(until);
        }
    }

    public GateConfig {
        rules = rules == null ? List.of() : List.copyOf(rules);
        metrics = metrics == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    public static GateConfig defaults() {
        return new GateConfig(null, null, null, List.of(), null);
    }

    public static GateConfig read(Path file) {
        GateConfig config;
        try {
            config = new ObjectMapper().readValue(RunReader.readJson(file).traverse(), GateConfig.class);
        } catch (DatabindException e) {
            throw new UnusableInputException(file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnusableInputException(file + ": cannot be read: " + e.getMessage());
        }
        config.validate(file);
        return config;
    }

    private void validate(Path file) {
        check(file, minEffectPercent == null || minEffectPercent >= 0, "minEffectPercent must be 0 or more");
        check(file, alpha == null || (alpha > 0 && alpha < 1), "alpha must be between 0 and 1");
        check(file, screenAlpha == null || (screenAlpha > 0 && screenAlpha < 1), "screenAlpha must be between 0 and 1");
        if (metrics != null) {
            metrics.forEach((metric, percent) -> check(file, percent != null && percent >= 0,
                    "metrics." + metric + " must be a minimum effect in percent, 0 or more"));
        }
        for (Rule rule : rules) {
            check(file, rule.minEffectPercent() != null || rule.mute() != null,
                    "the rule for " + rule.describe() + " sets neither minEffectPercent nor mute");
            check(file, rule.minEffectPercent() == null || rule.minEffectPercent() >= 0,
                    "the rule for " + rule.describe() + " has a negative minEffectPercent");
            if (rule.mute() != null) {
                check(file, rule.mute().until() != null,
                        "the mute of " + rule.describe() + " has no \"until\" date (YYYY-MM-DD): every mute must expire");
                try {
                    rule.mute().untilDate();
                } catch (DateTimeParseException e) {
                    throw new UnusableInputException(file + ": the mute of " + rule.describe() + " has until=\""
                            + rule.mute().until() + "\", expected a date as YYYY-MM-DD");
                }
            }
        }
    }

    private static void check(Path file, boolean ok, String message) {
        if (!ok) {
            throw new UnusableInputException(file + ": " + message);
        }
    }

    double minEffect(CellKey key, double fallbackPercent) {
        return rules.stream().filter(r -> r.minEffectPercent() != null && r.matches(key)).findFirst()
                .map(Rule::minEffectPercent).orElse(fallbackPercent) / 100;
    }

    /** The mute in force for this cell today, if any. */
    Optional<Rule> mute(CellKey key, LocalDate today) {
        return rules.stream().filter(r -> r.mute() != null && r.matches(key) && !today.isAfter(r.mute().untilDate()))
                .findFirst();
    }

    /** Mutes past their date, to be told about. */
    List<Rule> expiredMutes(LocalDate today) {
        return rules.stream().filter(r -> r.mute() != null && today.isAfter(r.mute().untilDate())).toList();
    }
}

package io.batchbench.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.runner.options.CommandLineOptions;

import io.batchbench.fixtures.env.EnvironmentFingerprint;

/**
 * The JVM the forks run, which is the one measured: the launcher's own, or the one JMH's
 * {@code -jvm} names (a JDK 21 beside a default 25, say). env.json records that one, not the
 * launcher's, and a {@code -jvm} that cannot run the benchmarks is refused before any database starts.
 */
final class ForkJvm {

    /** The release the benchmark classes are compiled for; an older JVM would fail at every fork. */
    static final int OLDEST_FEATURE = 21;
    private static final String GIVE = "give the java executable of a JDK " + OLDEST_FEATURE + " or newer";
    private static final long PROBE_SECONDS = 30;
    private static final Pattern PROPERTY = Pattern.compile("^\\s*(java\\.[a-z.]+) = (.*)$", Pattern.MULTILINE);

    private ForkJvm() {
    }

    /** env.json's {@code java} object for the forks' JVM. */
    static Map<String, Object> describe(CommandLineOptions options) {
        if (!options.getJvm().hasValue()) {
            return EnvironmentFingerprint.java(System::getProperty);
        }
        String jvm = options.getJvm().get();
        return parse(jvm, probe(jvm));
    }

    /** What {@code -XshowSettings:properties -version} prints, which every JDK since 8 understands. */
    private static String probe(String jvm) {
        try {
            Process process = new ProcessBuilder(jvm, "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            // A few kilobytes: the pipe holds them until the JVM has exited, so waiting first cannot block it.
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalArgumentException("-jvm " + jvm + " did not run ('" + jvm + " -version' failed); "
                        + GIVE);
            }
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("-jvm " + jvm + " cannot be run (" + e.getMessage().strip() + "); "
                    + GIVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while asking -jvm " + jvm + " for its version");
        }
    }

    static Map<String, Object> parse(String jvm, String settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher matcher = PROPERTY.matcher(settings);
        while (matcher.find()) {
            properties.putIfAbsent(matcher.group(1), matcher.group(2).strip());
        }
        String version = properties.get("java.version");
        if (version == null) {
            throw new IllegalArgumentException("-jvm " + jvm + " did not say which Java it is; " + GIVE);
        }
        int feature = Integer.parseInt(version.replaceFirst("^1\\.", "").split("[.+-]")[0]);
        if (feature < OLDEST_FEATURE) {
            throw new IllegalArgumentException("-jvm " + jvm + " is Java " + version + "; the benchmarks need Java "
                    + OLDEST_FEATURE + " or newer");
        }
        return EnvironmentFingerprint.java(properties::get);
    }
}

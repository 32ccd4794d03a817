package io.batchbench.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;

class ForkJvmTest {

    private static final String JDK21 = """
            Property settings:
                file.encoding = UTF-8
                java.class.version = 65.0
                java.home = /usr/lib/jvm/java-21-openjdk-amd64
                java.vendor = Debian
                java.version = 21.0.13
                java.vm.name = OpenJDK 64-Bit Server VM
                java.vm.version = 21.0.13+9-1-deb13u2-Debian
            openjdk version "21.0.13" 2026-10-20
            """;

    @Test
    void withoutJvmTheForksRunTheLaunchersJava() throws Exception {
        assertThat(ForkJvm.describe(new CommandLineOptions()))
                .containsEntry("version", System.getProperty("java.version"))
                .containsEntry("vmVersion", System.getProperty("java.vm.version"));
    }

    @Test
    void aJvmOptionIsAskedWhichJavaItIs() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        assertThat(ForkJvm.describe(new CommandLineOptions("-jvm", java)))
                .containsEntry("version", System.getProperty("java.version"))
                .containsEntry("vendor", System.getProperty("java.vendor"));
    }

    @Test
    void theSettingsOfAnotherJdkAreWhatEnvJsonRecords() {
        assertThat(ForkJvm.parse("/opt/jdk21/bin/java", JDK21)).containsExactly(
                entry("version", "21.0.13"),
                entry("vendor", "Debian"),
                entry("vmName", "OpenJDK 64-Bit Server VM"),
                entry("vmVersion", "21.0.13+9-1-deb13u2-Debian"));
    }

    @Test
    void aJdkOlderThanTheBenchmarksIsRefused() {
        assertThatThrownBy(() -> ForkJvm.parse("/usr/lib/jvm/java-17/bin/java",
                JDK21.replace("java.version = 21.0.13", "java.version = 17.0.15")))
                .hasMessage("-jvm /usr/lib/jvm/java-17/bin/java is Java 17.0.15; the benchmarks need Java 21 or newer");
        assertThatThrownBy(() -> ForkJvm.parse("/opt/jdk8/bin/java",
                JDK21.replace("java.version = 21.0.13", "java.version = 1.8.0_392")))
                .hasMessageContaining("is Java 1.8.0_392");
    }
}

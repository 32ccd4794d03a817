package io.batchbench.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.ParseResult;

/** What the tools hand to JMH: everything after their own options, options included. */
class ToolsCommandLineTest {

    @Test
    void roundsHandsJmhAnOptionThatComesBeforeAnySelection() {
        ParseResult rounds = Tools.commandLine()
                .parseArgs("rounds", "-o", "out", "--seed", "7", "-e", "harness", "-f", "5", "-prof", "gc")
                .subcommand();

        assertThat(rounds.matchedOptionValue("--seed", 0L)).isEqualTo(7L);
        assertThat(rounds.matchedPositional(0).<List<String>>getValue())
                .containsExactly("-e", "harness", "-f", "5", "-prof", "gc");
    }

    @Test
    void roundsHandsJmhEverythingAfterTheSelection() {
        ParseResult rounds = Tools.commandLine().parseArgs("rounds", "FullScan", "-o", "scan.txt", "-f", "3").subcommand();

        assertThat(rounds.matchedOption("-o")).as("JMH's -o after the selection is JMH's").isNull();
        assertThat(rounds.matchedPositional(0).<List<String>>getValue()).containsExactly("FullScan", "-o", "scan.txt", "-f", "3");
    }
}

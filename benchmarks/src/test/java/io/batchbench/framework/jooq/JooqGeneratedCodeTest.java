package io.batchbench.framework.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.batchbench.fixtures.TestServers;

/**
 * The committed jOOQ classes are exactly what the generator makes from {@code schema.sql} today,
 * so a schema change cannot leave them behind. With {@value #REGENERATE} set to true, the
 * generated package is written into the source folder first, which is how it is updated.
 */
class JooqGeneratedCodeTest {

    private static final String REGENERATE = "batchbench.jooq.regenerate";
    private static final Path SOURCE_ROOT = Path.of("src", "main", "java");
    private static final String HOW_TO_REGENERATE = "Regenerate it with\n    ./mvnw -B -pl benchmarks test"
            + " -Dtest=JooqGeneratedCodeTest -D" + REGENERATE + "=true\nthen review the diff and commit it.";

    @Test
    void theCommittedClassesAreWhatTheSchemaGenerates(@TempDir Path fresh) throws Exception {
        Path sourceRoot = Boolean.getBoolean(REGENERATE) ? SOURCE_ROOT : fresh;
        JooqCodegen.generate(TestServers.embedded(), sourceRoot);

        Path committed = packageDir(SOURCE_ROOT);
        Path generated = packageDir(sourceRoot);
        List<String> differences = differences(committed, generated);

        assertThat(differences)
                .as("%s does not match what schema.sql generates:%n  %s%n%s", committed.toAbsolutePath(),
                        String.join("\n  ", differences), HOW_TO_REGENERATE)
                .isEmpty();
    }

    private static List<String> differences(Path committed, Path generated) throws IOException {
        Set<String> committedFiles = files(committed);
        Set<String> generatedFiles = files(generated);
        List<String> differences = new ArrayList<>();
        for (String file : union(committedFiles, generatedFiles)) {
            if (!committedFiles.contains(file)) {
                differences.add("missing: " + file);
            } else if (!generatedFiles.contains(file)) {
                differences.add("no longer generated: " + file);
            } else if (!Arrays.equals(Files.readAllBytes(committed.resolve(file)),
                    Files.readAllBytes(generated.resolve(file)))) {
                differences.add("changed: " + file);
            }
        }
        return differences;
    }

    private static Set<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> dir.relativize(path).toString().replace('\\', '/'))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static Path packageDir(Path sourceRoot) {
        return sourceRoot.resolve(JooqCodegen.PACKAGE.replace('.', '/'));
    }
}

package io.batchbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the tools' output files; a folder that cannot be written is the user's to fix (exit 2). */
final class OutputFiles {

    private OutputFiles() {
    }

    static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + file + ": " + e.getMessage());
        }
    }
}

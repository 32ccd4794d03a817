package io.batchbench.tools.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes the tools' output files; a folder that cannot be written is the user's to fix (exit 2). */
public final class OutputFiles {

    private OutputFiles() {
    }

    public static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends, as a CI job summary file expects from each step. */
    public static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Removes an output an earlier run of the tool wrote and this one does not. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UnusableInputException("cannot delete " + file + ": " + e.getMessage());
        }
    }

    public static void write(Path file, byte[] bytes) {
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

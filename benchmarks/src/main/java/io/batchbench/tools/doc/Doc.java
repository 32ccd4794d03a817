package io.batchbench.tools.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a list of blocks, written once and rendered twice: as Markdown (REPORT.md, the
 * check summary) and as a self-contained HTML page. Inline text may use {@code `code`} and
 * {@code **bold**} and links to headings ({@link #link}), which both renderers understand.
 */
public final class Doc {

    public sealed interface Block permits Heading, Text, Bullets, Table, Figure {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Text(String text) implements Block {
    }

    public record Bullets(List<String> items) implements Block {
    }

    /** @param numeric per column, whether it is right-aligned (numbers) */
    public record Table(List<String> header, List<Boolean> numeric, List<List<String>> rows) implements Block {
    }

    /** A chart: Markdown shows the PNG linked to the SVG; HTML inlines the SVG. */
    public record Figure(String title, String svgPath, String pngPath, String svg) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public Doc heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public Doc text(String text) {
        blocks.add(new Text(text));
        return this;
    }

    public Doc bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    public Doc table(Table table) {
        blocks.add(table);
        return this;
    }

    public Doc figure(Figure figure) {
        blocks.add(figure);
        return this;
    }

    /** Appends every block of {@code other}: a report is written in parts and assembled in reading order. */
    public Doc append(Doc other) {
        blocks.addAll(other.blocks);
        return this;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /**
     * The fragment GitHub gives a heading (lower case, punctuation dropped, spaces to hyphens), so
     * that {@code [text](#anchor)} links work in REPORT.md as rendered on GitHub and in report.html,
     * whose headings get the same ids.
     */
    public static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** A Markdown link to a heading of the same document; both renderers understand it. */
    public static String link(String text, String heading) {
        return "[" + text + "](#" + anchor(heading) + ")";
    }
}

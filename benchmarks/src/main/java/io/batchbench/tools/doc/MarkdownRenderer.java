package io.batchbench.tools.doc;

import java.util.List;

/** Renders a {@link Doc} as GitHub-flavoured Markdown. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(Doc doc) {
        StringBuilder out = new StringBuilder();
        for (Doc.Block block : doc.blocks()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            switch (block) {
                case Doc.Heading h -> out.append("#".repeat(h.level())).append(' ').append(h.text()).append('\n');
                case Doc.Text t -> out.append(t.text()).append('\n');
                case Doc.Bullets b -> b.items().forEach(item -> out.append("- ").append(item).append('\n'));
                case Doc.Table t -> table(out, t);
                case Doc.Figure f -> out.append("[![").append(f.title()).append("](").append(f.pngPath())
                        .append(")](").append(f.svgPath()).append(")\n");
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Doc.Table table) {
        row(out, table.header());
        out.append('|');
        for (boolean numeric : table.numeric()) {
            out.append(numeric ? "---:|" : "---|");
        }
        out.append('\n');
        table.rows().forEach(row -> row(out, row));
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}

package io.batchbench.tools.doc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link Doc} as one self-contained HTML page: inline style, charts as inline SVG. */
public final class HtmlRenderer {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\((#[^)\\s]+)\\)");
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:78em;padding:0 1em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border:1px solid #ccc;padding:.25em .6em}
            th{background:#f3f3f3}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            code{background:#f3f3f3;padding:0 .2em}
            figure{margin:1em 0}
            figure svg{max-width:100%;height:auto}
            """;

    private HtmlRenderer() {
    }

    public static String render(String title, Doc doc) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        Map<String, Integer> ids = new HashMap<>();
        for (Doc.Block block : doc.blocks()) {
            switch (block) {
                case Doc.Heading h -> out.append("<h").append(h.level()).append(" id=\"").append(id(h.text(), ids))
                        .append("\">").append(inline(h.text()))
                        .append("</h").append(h.level()).append(">\n");
                case Doc.Text t -> out.append("<p>").append(inline(t.text())).append("</p>\n");
                case Doc.Bullets b -> {
                    out.append("<ul>\n");
                    b.items().forEach(item -> out.append("<li>").append(inline(item)).append("</li>\n"));
                    out.append("</ul>\n");
                }
                case Doc.Table t -> table(out, t);
                case Doc.Figure f -> out.append("<figure>\n").append(f.svg()).append("\n<figcaption>")
                        .append(inline(f.title())).append("</figcaption>\n</figure>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder out, Doc.Table table) {
        out.append("<table>\n<tr>");
        table.header().forEach(h -> out.append("<th>").append(inline(h)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(table.numeric().get(i) ? "<td class=\"n\">" : "<td>").append(inline(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    static String inline(String text) {
        String html = escape(text);
        Matcher code = CODE.matcher(html);
        html = code.replaceAll("<code>$1</code>");
        html = LINK.matcher(html).replaceAll("<a href=\"$2\">$1</a>");
        return BOLD.matcher(html).replaceAll("<strong>$1</strong>");
    }

    /** The heading's anchor, numbered from its second use on as GitHub numbers repeated headings. */
    private static String id(String heading, Map<String, Integer> ids) {
        String anchor = Doc.anchor(heading);
        int seen = ids.merge(anchor, 1, Integer::sum);
        return escape(seen == 1 ? anchor : anchor + "-" + (seen - 1));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

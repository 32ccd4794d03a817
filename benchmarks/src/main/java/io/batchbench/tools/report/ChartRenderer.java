package io.batchbench.tools.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import io.batchbench.tools.run.ParamValues;

/**
 * Draws the report's charts with JFreeChart, as SVG (JFreeSVG) and PNG. Everything that could
 * vary between two renderings of the same data is fixed: the colours, the SVG id prefix (JFreeSVG
 * defaults to one made from the clock), the order of series and categories.
 */
public final class ChartRenderer {

    static final int WIDTH = 820;
    static final int HEIGHT = 420;
    private static final Paint[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    /** A value and the half-width of its interval (empty: no interval). */
    record Point(double value, OptionalDouble halfWidth) {

        /** The whisker JFreeChart draws as "standard deviation": here the interval's half-width, none without one. */
        Number whisker() {
            return halfWidth.isPresent() ? Double.valueOf(halfWidth.getAsDouble()) : null;
        }
    }

    /** A bar: its series (the legend), its category (the x axis) and its value. */
    record Bar(String series, String category, Point point) {
    }

    /**
     * A point of a line: its series, its x value as text (the parameter's value), and the series'
     * colour and dash (indexes: the report gives each strategy a colour, each framework a dash, so
     * sixteen lines still read as four strategies in four frameworks).
     */
    record LinePoint(String series, String x, Point point, int colour, int dash) {
    }

    record Rendered(String svg, byte[] png) {
    }

    private ChartRenderer() {
    }

    static Rendered bars(String id, String title, String categoryLabel, String valueLabel, List<Bar> bars) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bar bar : bars) {
            data.add(bar.point().value(), bar.point().whisker(), bar.series(), bar.category());
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setDrawBarOutline(false);
        colour(renderer::setSeriesPaint, data.getRowCount());
        NumberAxis axis = new NumberAxis(valueLabel);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(categoryLabel), axis, renderer);
        return render(id, title, plot);
    }

    /**
     * Lines over a scaling parameter. Numeric values go on a numeric axis; values that are not all
     * numbers ({@code commitEvery=all}) are placed in order on a category axis. Either axis is
     * logarithmic once its values span a decade: a per-row commit at 400 µs/row beside a COPY at 10
     * would otherwise flatten every fast line, and costs that grow with rows become straight lines.
     */
    static Rendered lines(String id, String title, String xLabel, String valueLabel, List<LinePoint> points) {
        boolean logValues = spansADecade(points.stream().mapToDouble(p -> p.point().value()).toArray());
        double[] xs = points.stream().mapToDouble(p -> ParamValues.number(p.x()).orElse(Double.NaN)).toArray();
        boolean numericX = java.util.Arrays.stream(xs).noneMatch(Double::isNaN);
        Plot plot;
        if (numericX) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (LinePoint point : points) {
                XYSeries series = series(data, point.series());
                series.add(ParamValues.number(point.x()).getAsDouble(), point.point().value());
            }
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            style(renderer::setSeriesPaint, renderer::setSeriesStroke, points, java.util.stream.IntStream
                    .range(0, data.getSeriesCount()).mapToObj(i -> data.getSeriesKey(i).toString()).toList());
            plot = new XYPlot(data, valueAxis(xLabel, spansADecade(xs)),
                    valueAxis(valueLabel, logValues), renderer);
        } else {
            DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
            for (LinePoint point : points) {
                data.add(point.point().value(), point.point().whisker(), point.series(), point.x());
            }
            StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
            style(renderer::setSeriesPaint, renderer::setSeriesStroke, points, java.util.stream.IntStream
                    .range(0, data.getRowCount()).mapToObj(i -> data.getRowKey(i).toString()).toList());
            CategoryAxis axis = new CategoryAxis(xLabel);
            axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
            plot = new CategoryPlot(data, axis, valueAxis(valueLabel, logValues), renderer);
        }
        return render(id, title, plot);
    }

    private static boolean spansADecade(double[] values) {
        double min = java.util.Arrays.stream(values).min().orElse(0);
        double max = java.util.Arrays.stream(values).max().orElse(0);
        return min > 0 && max / min >= 10;
    }

    private static ValueAxis valueAxis(String label, boolean log) {
        if (log) {
            // LogAxis labels ticks 10^5.2; this one labels 20,000 and 50,000, in a fixed locale.
            LogarithmicAxis axis = new LogarithmicAxis(label + " (log scale)");
            axis.setStrictValuesFlag(false);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static XYSeries series(XYSeriesCollection data, String key) {
        int index = data.getSeriesIndex(key);
        if (index >= 0) {
            return data.getSeries(index);
        }
        XYSeries series = new XYSeries(key, true, false);
        data.addSeries(series);
        return series;
    }

    private interface SeriesPaint {
        void set(int series, Paint paint);
    }

    private interface SeriesStroke {
        void set(int series, Stroke stroke);
    }

    private static void style(SeriesPaint paint, SeriesStroke stroke, List<LinePoint> points, List<String> series) {
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i);
            LinePoint first = points.stream().filter(p -> p.series().equals(name)).findFirst().orElseThrow();
            paint.set(i, PALETTE[first.colour() % PALETTE.length]);
            float[] dash = DASHES[first.dash() % DASHES.length];
            stroke.set(i, dash == null ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        }
    }

    private static void colour(SeriesPaint renderer, int seriesCount) {
        for (int i = 0; i < seriesCount; i++) {
            renderer.set(i, PALETTE[i % PALETTE.length]);
        }
    }

    private static Rendered render(String id, String title, Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (plot instanceof XYPlot xy) {
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        svg.setDefsKeyPrefix(id + "-");
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(svg.getSVGElement(id), png.toByteArray());
    }
}

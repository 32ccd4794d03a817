package io.batchbench.tools.doc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the reports write them, the same on every machine: grouped integers from 1,000 up,
 * three significant digits below (trailing zeros kept: 4.30), a sign on changes.
 */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) >= 999.5) {
            return decimal("#,##0").format(Math.round(value));
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
        return rounded.toPlainString();
    }

    /** Settings as typed: {@code 5}, {@code 2.5}. */
    public static String plain(double value) {
        return decimal("0.####").format(value);
    }

    /** {@code +12.3%}, {@code -4.0%}. */
    public static String percent(double fraction) {
        return (fraction >= 0 ? "+" : "") + decimal("0.0").format(fraction * 100) + "%";
    }

    /** {@code 2.04×}. */
    public static String times(double ratio) {
        return ratio(ratio) + "×";
    }

    /** {@code 2.04}: a ratio as {@link #times} writes it, for the bounds of an interval of ratios. */
    public static String ratio(double ratio) {
        return decimal(ratio >= 10 ? "0" : "0.00").format(ratio);
    }

    /** p-values: three decimals, or the power of ten below 0.001. */
    public static String pValue(double p) {
        return p >= 0.001 ? decimal("0.000").format(p) : String.format(Locale.ROOT, "%.0e", p);
    }

    /** Full precision for CSV: the shortest text that reads back as the same double. */
    public static String exact(double value) {
        return Double.toString(value);
    }

    private static DecimalFormat decimal(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format;
    }
}

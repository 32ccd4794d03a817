package io.batchbench.tools.run;

import java.util.Comparator;
import java.util.OptionalDouble;

/** Parameter values as a reader expects them sorted: 100 before 1000, numbers before words. */
public final class ParamValues {

    public static final Comparator<String> ORDER = (a, b) -> {
        OptionalDouble x = number(a);
        OptionalDouble y = number(b);
        if (x.isPresent() && y.isPresent()) {
            int c = Double.compare(x.getAsDouble(), y.getAsDouble());
            return c != 0 ? c : a.compareTo(b);
        }
        if (x.isPresent() != y.isPresent()) {
            return x.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private ParamValues() {
    }

    public static OptionalDouble number(String value) {
        try {
            return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}

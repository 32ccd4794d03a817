package io.batchbench.report;

import java.util.Comparator;
import java.util.OptionalDouble;

/** Parameter values as a reader expects them sorted: 100 before 1000, numbers before words. */
final class ParamValues {

    static final Comparator<String> ORDER = (a, b) -> {
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

    static OptionalDouble number(String value) {
        try {
            return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}

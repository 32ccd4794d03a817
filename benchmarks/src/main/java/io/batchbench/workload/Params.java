package io.batchbench.workload;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks of {@code @Param} values, with messages that say what is valid. */
public final class Params {

    private Params() {
    }

    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    public static boolean flag(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    /** The enum constant whose name, in lower camel case as the {@code @Param} shows it, is {@code value}. */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type, Function<E, String> label) {
        for (E constant : type.getEnumConstants()) {
            if (label.apply(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + name + " '" + value + "'; valid values: "
                + Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining(", ")));
    }
}

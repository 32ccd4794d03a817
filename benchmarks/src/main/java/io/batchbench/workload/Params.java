package io.batchbench.workload;

import java.util.Arrays;
import java.util.List;
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

    /** The constant of {@code type} labelled {@code value}; the message lists the valid labels. */
    public static <E extends Enum<E> & Labelled> E choice(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + name + " '" + value + "'; valid values: "
                + String.join(", ", labels(type)));
    }

    /** The labels of {@code type}, in declaration order. */
    public static List<String> labels(Class<? extends Labelled> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.toList());
    }
}

package io.batchbench.benchmark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values of a {@code @Param} that a run takes when its command line does not name the
 * parameter: the quick profile, for a benchmark whose whole matrix is too large for one. The
 * {@code @Param} list stays whole, because the launcher checks a {@code -p} value against it and
 * the report takes its order and each workload's naive strategy from it; {@code -p name=...}
 * runs any of its values. The launcher applies this ({@code Matrix}); JMH alone would not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface QuickProfile {

    /** A subset of the field's {@code @Param} values ({@code ParamNamesTest} checks it). */
    String[] value();
}

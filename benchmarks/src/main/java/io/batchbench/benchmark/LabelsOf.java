package io.batchbench.benchmark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.batchbench.workload.Labelled;

/**
 * Says which enum a String {@code @Param} names: its values must be that enum's labels, and for
 * {@code framework} and {@code strategy} all of them, in declaration order. JMH needs the values
 * as constants in the annotation, so they cannot be taken from the enum; the launcher checks a
 * {@code -p} value against the enum, and {@code ParamNamesTest} fails when the two lists differ.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LabelsOf {

    Class<? extends Labelled> value();
}

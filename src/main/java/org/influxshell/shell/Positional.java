package org.influxshell.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command parameter that also takes words given without an option name, in order:
 * a {@code String} takes one word, a {@code List<String>} takes all that are left.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Positional {
}

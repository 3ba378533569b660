package org.influxshell.output;

/**
 * How a command prints its result.
 *
 * @param json print JSON instead of a table
 * @param hideHeaders leave the table's header line out
 */
public record OutputOptions(boolean json, boolean hideHeaders) {
}

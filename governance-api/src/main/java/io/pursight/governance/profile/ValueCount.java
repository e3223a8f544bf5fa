package io.pursight.governance.profile;

/**
 * A value (or a value's shape) and how often it occurred in the sample.
 *
 * @param value the value or pattern
 * @param count its estimated frequency in the sample
 */
public record ValueCount(String value, long count) {}

/**
 * The access log: one line per finished update on the logger {@code io.analytips.access} (a name operators and
 * the log encoders rely on, independent of where the class lives), with its ids, action, outcome and latency.
 */
package io.analytips.pipeline.log;

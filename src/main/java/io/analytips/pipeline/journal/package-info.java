/**
 * The send journal: an append-only file of how far each update's messages got, and the send window that records
 * every message in it and bounds what a crash can answer twice. Knows only the pipeline's outcomes.
 */
package io.analytips.pipeline.journal;

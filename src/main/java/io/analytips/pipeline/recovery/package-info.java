/**
 * What keeps each update handled once across stops, crashes and lost answers: the updates this process holds
 * until their outcome is durable, the replay of what a stop left unfinished (read against the send journal),
 * parked updates nobody holds, and the leader's reading of what other replicas stored.
 */
package io.analytips.pipeline.recovery;

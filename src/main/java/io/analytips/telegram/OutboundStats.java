package io.analytips.telegram;

/**
 * A snapshot of the outbound scheduler, for metrics, health and the admin status.
 *
 * @param pending calls queued or in flight
 * @param capacity the most calls that may be pending
 * @param sent calls Telegram accepted
 * @param throttled 429 answers received
 * @param failed calls that gave up
 * @param refused calls refused because the queue was full
 * @param pausedChats chats paused by a 429 right now
 * @param globalPaused whether every send is paused by a 429 right now
 */
public record OutboundStats(int pending, int capacity, long sent, long throttled, long failed, long refused,
		long pausedChats, boolean globalPaused) {
}

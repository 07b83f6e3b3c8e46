/**
 * The replicas of the bot on one PostgreSQL (issue 14): this process's replica id, its heartbeat row in
 * {@code replicas} every second, and the list of live replicas that health, metrics and {@code /status}
 * show. Depends on the store and common only; the leadership code tells it whether this replica polls.
 */
package io.analytips.replica;

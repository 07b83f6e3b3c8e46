/**
 * The two inboxes: {@link io.analytips.pipeline.inbox.PostgresInbox} (the durable one, one per bot on a shared
 * table) and {@link io.analytips.pipeline.inbox.MemoryInbox} (measurements and tests only), and the purge of
 * finished rows. Each implements the pipeline's {@link io.analytips.pipeline.Inbox}; the host picks and builds one.
 */
package io.analytips.pipeline.inbox;

/**
 * Runs the handlers: one chat's updates in order, chats concurrently, with bounded concurrency, a per-chat backlog
 * and an error boundary and timeout per update. Emits each update's outcome once it is durable in the inbox.
 */
package io.analytips.pipeline.dispatch;

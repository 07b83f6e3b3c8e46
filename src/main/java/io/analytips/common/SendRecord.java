package io.analytips.common;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * What the sends of one update leave behind, so that a crash answers it again only when its
 * reply may not have arrived: the pipeline puts one in the Reactor context of each update it
 * handles ({@link UpdateScope}, or {@link #KEY} alone), and the outbound scheduler wraps every message of that update in
 * {@link #around}. The transport knows nothing of the inbox; the pipeline knows nothing of HTTP.
 */
public interface SendRecord {

	/** The Reactor context key. */
	Object KEY = SendRecord.class;

	/**
	 * The message {@code send}, recorded: for the update's first message, that it started (before it
	 * goes) and that Telegram acknowledged it (before the returned Mono emits); later messages of the
	 * same update go as they are.
	 */
	<T> Mono<T> around(Mono<T> send);

	/** The record in {@code context}'s update, or none: {@code send} unchanged. */
	static <T> Mono<T> recorded(ContextView context, Mono<T> send) {
		SendRecord record = context.getOrDefault(KEY, null);
		if (record == null) {
			UpdateScope scope = UpdateScope.in(context);
			record = scope == null ? null : scope.sends();
		}
		return record == null ? send : record.around(send);
	}
}

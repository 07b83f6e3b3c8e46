package io.analytips.host;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where the bots added through the admin API are kept (their tokens encrypted), so every start and replica hosts them. */
interface BotVault {

	/** A bot added through the admin API and not removed since. */
	record Kept(long id, String username, String token) {

		@Override
		public String toString() {
			return "@" + username + " (" + id + ")";
		}
	}

	/** The bots kept, with their tokens decrypted; errors if the table cannot be read or a token not decrypted. */
	Flux<Kept> hosted();

	/** Keeps a bot (again, if it was removed before); completes once durable. */
	Mono<Void> keep(long id, String username, String token, String by);

	/** Marks a kept bot removed; emits whether one was. */
	Mono<Boolean> forget(String username);

	/** Whether bots can be kept at all (a key to encrypt their tokens and a database). */
	boolean enabled();

	/** No database, or no key: nothing is kept, nothing can be added. */
	BotVault NONE = new BotVault() {

		@Override
		public Flux<Kept> hosted() {
			return Flux.empty();
		}

		@Override
		public Mono<Void> keep(long id, String username, String token, String by) {
			return Mono.error(new IllegalStateException(
					"bots cannot be added while running without BOTS_TOKEN_KEY (32 bytes, base64) to encrypt their tokens"));
		}

		@Override
		public Mono<Boolean> forget(String username) {
			return Mono.just(false);
		}

		@Override
		public boolean enabled() {
			return false;
		}
	};
}

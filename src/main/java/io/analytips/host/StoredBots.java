package io.analytips.host;

import java.time.Clock;

import io.analytips.store.BotRepository;
import io.analytips.store.StoredBot;
import io.analytips.store.TokenCipher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bots added through the admin API, kept in the {@code bots} table with their tokens encrypted under
 * {@code BOTS_TOKEN_KEY}; a token is decrypted only to start its bot, and never leaves this process.
 */
final class StoredBots implements BotVault {

	private final BotRepository repository;

	private final TokenCipher cipher;

	private final Clock clock;

	/** The bots whose token could not be decrypted, said once each. */
	private final java.util.Set<Long> unreadable = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoredBots.class);

	StoredBots(BotRepository repository, TokenCipher cipher, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * A bot whose token cannot be decrypted (stored under another {@code BOTS_TOKEN_KEY}) is left out, said once in an
	 * ERROR line: the others start.
	 */
	@Override
	public Flux<Kept> hosted() {
		return repository.hosted().concatMap(bot -> {
			try {
				return Mono.just(new Kept(bot.id(), bot.username(), cipher.decrypt(bot.tokenCipher())));
			}
			catch (TokenCipher.TokenDecryptionException ex) {
				if (unreadable.add(bot.id())) {
					log.error("Bot @{} ({}) is not started: its stored token cannot be decrypted with BOTS_TOKEN_KEY ({});"
							+ " add it again with POST /admin/bots", bot.username(), bot.id(), ex.getMessage());
				}
				return Mono.empty();
			}
		});
	}

	/** A bot kept already (given a new token after its old one was revoked) has its row replaced. */
	@Override
	public Mono<Void> keep(long id, String username, String token, String by) {
		return Mono.defer(() -> {
			StoredBot bot = new StoredBot(id, username, cipher.encrypt(token), clock.instant(), by, null);
			return repository.remove(username, clock.instant()).then(repository.add(bot));
		});
	}

	@Override
	public Mono<Boolean> forget(String username) {
		return repository.remove(BotHost.key(username), clock.instant());
	}

	@Override
	public boolean enabled() {
		return true;
	}
}

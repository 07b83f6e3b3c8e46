package io.analytips.host;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.analytips.common.BotToken;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.TelegramClient;
import io.analytips.telegram.TelegramProperties;
import io.analytips.telegram.model.User;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks Telegram who a token's bot is ({@code getMe}), on a client made for the question and closed after it. The
 * start-up check asks for every configured token before anything else starts (so this needs nothing but the
 * Telegram settings: not the database, not the handlers); the host starts the bots of the last answers.
 */
public final class TokenChecks {

	public static final int TIMEOUT_SECONDS = 4;

	/** How long one token's {@code getMe} may take. */
	static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

	private final List<String> configured;

	private final TelegramProperties telegram;

	private final BotApi fixedApi;

	private volatile List<TokenCheck> last;

	/**
	 * @param configured the deployment's tokens, in their order
	 * @param fixedApi the Bot API that stands in for Telegram (the demo's console), or null
	 */
	TokenChecks(List<String> configured, TelegramProperties telegram, BotApi fixedApi) {
		this.configured = List.copyOf(configured);
		this.telegram = telegram;
		this.fixedApi = fixedApi;
	}

	/** The configured tokens, in their order. */
	public List<String> configured() {
		return configured;
	}

	/**
	 * Asks for every configured token at once. Emits one check per token, in their order; never errors (a refusal or
	 * a timeout is the check's {@link TokenCheck#error()}).
	 */
	public Mono<List<TokenCheck>> check() {
		return Flux.fromStream(IntStream.range(0, configured.size()).boxed())
			.flatMapSequential(index -> checkOne(index + 1, configured.get(index)))
			.collectList()
			.doOnNext(results -> last = results);
	}

	/** The answers of the last {@link #check()}, or null before one. */
	List<TokenCheck> last() {
		return last;
	}

	private Mono<TokenCheck> checkOne(int position, String text) {
		BotToken token;
		try {
			token = new BotToken(text);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(new TokenCheck(position, null, null, ex));
		}
		return whoIs(token)
			.map(me -> new TokenCheck(position, token, me, null))
			.onErrorResume(error -> Mono.just(new TokenCheck(position, token, null, error)));
	}

	/** Who the token's bot is; errors as Telegram refuses it or cannot be asked. */
	Mono<User> whoIs(BotToken token) {
		return Mono.usingWhen(Mono.fromSupplier(() -> client(token.value())),
				client -> client.getMe().timeout(TIMEOUT),
				client -> Mono.fromRunnable(() -> dispose(client)));
	}

	private BotApi client(String token) {
		return fixedApi != null ? fixedApi
				: new TelegramClient(telegram.forBot(token, TelegramProperties.Mode.POLLING, null, null));
	}

	private void dispose(BotApi client) {
		if (client != fixedApi && client instanceof TelegramClient http) {
			http.destroy();
		}
	}
}

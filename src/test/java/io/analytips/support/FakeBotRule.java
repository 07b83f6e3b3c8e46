package io.analytips.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.analytips.telegram.TelegramJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scripted behaviour of a {@link FakeBot} for the calls of one method (and optionally one chat), a number of
 * times or every time: an error status (with {@code retry_after} for 429), a hang, a delay.
 */
public final class FakeBotRule {

	private final String method;

	private volatile Predicate<JsonNode> matches = body -> true;

	private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

	private volatile int status;

	private volatile String description;

	private volatile Integer retryAfter;

	private volatile boolean hang;

	private volatile Duration delay = Duration.ZERO;

	FakeBotRule(String method) {
		this.method = method;
	}

	public FakeBotRule forChat(long chatId) {
		this.matches = body -> body.path("chat_id").asLong(Long.MIN_VALUE) == chatId;
		return this;
	}

	public FakeBotRule times(int n) {
		remaining.set(n);
		return this;
	}

	public FakeBotRule respond(int status, String description) {
		this.status = status;
		this.description = description;
		return this;
	}

	public FakeBotRule retryAfter(int seconds) {
		this.status = 429;
		this.description = "Too Many Requests: retry after " + seconds;
		this.retryAfter = seconds;
		return this;
	}

	public FakeBotRule hang() {
		this.hang = true;
		return this;
	}

	public FakeBotRule delay(Duration delay) {
		this.delay = delay;
		return this;
	}

	boolean take(String calledMethod, JsonNode body) {
		if (!method.equals(calledMethod) || !matches.test(body)) {
			return false;
		}
		return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
	}

	/** The scripted answer; {@code normally} when the rule only delays. */
	Mono<FakeBotApi.Answer> apply(Supplier<Mono<FakeBotApi.Answer>> normally) {
		if (hang) {
			return Mono.never();
		}
		Mono<Void> wait = delay.isZero() ? Mono.empty() : Mono.delay(delay).then();
		if (status == 0) {
			return wait.then(Mono.defer(normally));
		}
		return wait.then(Mono.fromSupplier(() -> new FakeBotApi.Answer(status, error(status, description, retryAfter))));
	}

	static String error(int code, String description, Integer retryAfter) {
		ObjectNode error = TelegramJson.mapper().createObjectNode();
		error.put("ok", false);
		error.put("error_code", code);
		error.put("description", description);
		if (retryAfter != null) {
			error.putObject("parameters").put("retry_after", retryAfter);
		}
		return error.toString();
	}
}

package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.analytips.follow.Following;
import io.analytips.store.Followed;
import io.analytips.store.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Following} kept in memory, for the handlers' tests: one bot's chats, what they follow and how they read;
 * {@link #failing} makes every call error as a store that cannot be reached does.
 */
final class MemoryFollowing extends Following {

	final Map<Long, Set<Followed>> follows = new HashMap<>();

	final Map<Long, Subscriber> subscribers = new HashMap<>();

	/** Each call to {@link #reachable}: chat and whether it may be reached. */
	final List<String> reachability = new ArrayList<>();

	volatile boolean failing;

	MemoryFollowing(Clock clock) {
		super(null, null, Duration.ofMinutes(60), clock);
	}

	private <T> Mono<T> orFail(Mono<T> result) {
		return failing ? Mono.error(new IllegalStateException("store down")) : result;
	}

	@Override
	public Mono<Boolean> follow(long bot, Subscriber reader, Followed target) {
		return orFail(Mono.fromSupplier(() -> {
			Subscriber known = subscribers.get(reader.chatId());
			subscribers.put(reader.chatId(), known == null ? reader : new Subscriber(reader.chatId(), reader.language(),
					reader.timeZone(), known.alertMinutes(), known.digestHour(), true));
			return follows.computeIfAbsent(reader.chatId(), chat -> new LinkedHashSet<>()).add(target);
		}));
	}

	@Override
	public Mono<Boolean> unfollow(long bot, long chat, Followed.Kind kind, long id) {
		return orFail(Mono.fromSupplier(() -> follows.getOrDefault(chat, new LinkedHashSet<>())
			.removeIf(followed -> followed.kind() == kind && followed.id() == id)));
	}

	@Override
	public Flux<Followed> following(long bot, long chat) {
		return orFail(Mono.fromSupplier(() -> follows.getOrDefault(chat, Set.of()).stream()
			.sorted(Comparator.comparing((Followed followed) -> followed.kind() == Followed.Kind.TEAM)
				.thenComparing(Followed::name))
			.toList())).flatMapMany(Flux::fromIterable);
	}

	@Override
	public Mono<Subscriber> settings(long bot, long chat) {
		return orFail(Mono.fromSupplier(() -> subscribers.get(chat)));
	}

	@Override
	public Mono<Subscriber> configure(long bot, Subscriber reader, Integer alertMinutes, Integer digestHour) {
		return orFail(Mono.fromSupplier(() -> {
			Subscriber known = subscribers.getOrDefault(reader.chatId(), reader);
			Subscriber configured = new Subscriber(known.chatId(), known.language(), known.timeZone(), alertMinutes,
					digestHour, known.active());
			subscribers.put(reader.chatId(), configured);
			return configured;
		}));
	}

	@Override
	public Mono<Void> readerChanged(long bot, Subscriber reader) {
		return orFail(Mono.fromRunnable(() -> subscribers.computeIfPresent(reader.chatId(), (chat, known) -> new Subscriber(
				chat, reader.language(), reader.timeZone(), known.alertMinutes(), known.digestHour(), known.active()))));
	}

	@Override
	public Mono<Void> reachable(long bot, long chat, boolean reachable) {
		return orFail(Mono.fromRunnable(() -> reachability.add(chat + ":" + reachable)));
	}
}

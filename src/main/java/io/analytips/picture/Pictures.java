package io.analytips.picture;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.analytips.store.PictureFileRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends analysis pictures, each drawn at most once: a picture Telegram already holds for this bot (same key: same
 * fixture, numbers, prices and words) goes again by its {@code file_id}, remembered in memory and in
 * {@link PictureFileRepository} (so restarts and other replicas reuse it); otherwise it is drawn on a bounded pool
 * of its own (never on the event loop), once however many chats ask for it at the same moment, and uploaded. A
 * file_id Telegram refuses is forgotten and the picture uploaded again.
 * <p>
 * Metrics: {@code analytips.picture.render} (time to draw one), {@code analytips.picture.sent} by {@code source}
 * ({@code upload}, {@code file_id}), {@code analytips.picture.failures} by {@code reason} ({@code timeout},
 * {@code queue-full}, {@code render}, {@code send}).
 */
public final class Pictures implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Pictures.class);

	/** Drawn pictures kept while they upload, so one that several chats asked for at once is drawn once. */
	private static final Duration DRAWN_FOR = Duration.ofMinutes(10);

	private final Function<AnalysisPicture, byte[]> renderer;

	private final Scheduler pool;

	private final Duration timeout;

	private final PictureFileRepository files;

	private final Cache<String, String> fileIds;

	private final AsyncCache<String, byte[]> drawn;

	private final Timer rendering;

	private final MeterRegistry registry;

	public Pictures(PictureProperties properties, PictureFileRepository files, MeterRegistry registry) {
		this(properties, files, registry, new PictureRenderer()::render);
	}

	/** @param renderer draws a picture as PNG, on the pool ({@link PictureRenderer#render}) */
	Pictures(PictureProperties properties, PictureFileRepository files, MeterRegistry registry,
			Function<AnalysisPicture, byte[]> renderer) {
		this.renderer = renderer;
		this.pool = Schedulers.newBoundedElastic(properties.threads(), properties.queue(), "picture");
		this.timeout = properties.timeout();
		this.files = files;
		this.registry = registry;
		this.fileIds = Caffeine.newBuilder().maximumSize(properties.remembered()).build();
		this.drawn = Caffeine.newBuilder().maximumSize(properties.threads() + properties.queue())
			.expireAfterWrite(DRAWN_FOR).buildAsync();
		this.rendering = Timer.builder("analytips.picture.render").description("Time to draw one analysis picture")
			.register(registry);
	}

	/**
	 * Sends {@code picture} for {@code bot} through {@code sender}. Emits the file_id sent; errors with a
	 * {@link PictureException} when it could not be drawn in time (pool full, timeout, rendering failed), or with
	 * the sender's error: either way the failure is counted and nothing was sent, the caller sends its text instead.
	 */
	public Mono<String> send(long bot, AnalysisPicture picture, PhotoSender sender) {
		String key = picture.key();
		String memory = bot + "/" + key;
		return known(bot, key, memory)
			.flatMap(fileId -> sender.resend(fileId)
				.doOnNext(sent -> registry.counter("analytips.picture.sent", "source", "file_id").increment())
				.onErrorResume(sender::refused, refused -> forget(bot, key, memory, fileId)))
			.switchIfEmpty(Mono.defer(() -> drawn(key, picture).flatMap(sender::upload)
				.flatMap(fileId -> remember(bot, key, memory, fileId).thenReturn(fileId))
				.doOnNext(sent -> registry.counter("analytips.picture.sent", "source", "upload").increment())))
			.doOnError(error -> registry.counter("analytips.picture.failures", "reason",
					error instanceof PictureException failure ? failure.reason() : "send").increment());
	}

	/** The picture's PNG, drawn on the pool (at most once while it is kept). Errors with {@link PictureException}. */
	Mono<byte[]> drawn(String key, AnalysisPicture picture) {
		return Mono.defer(() -> {
			CompletableFuture<byte[]> drawing = drawn.get(key, (any, executor) -> draw(picture).toFuture());
			// Caffeine drops a failed future only after its callers hear of it: the next ask must draw again.
			return Mono.fromFuture(drawing, true).doOnError(error -> drawn.asMap().remove(key, drawing));
		});
	}

	private Mono<byte[]> draw(AnalysisPicture picture) {
		return Mono.fromCallable(() -> {
			long start = System.nanoTime();
			byte[] png = renderer.apply(picture);
			rendering.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return png;
		})
			.subscribeOn(pool)
			.timeout(timeout)
			.onErrorMap(error -> new PictureException(error instanceof TimeoutException ? "timeout"
					: error instanceof RejectedExecutionException ? "queue-full" : "render", error));
	}

	private Mono<String> known(long bot, String key, String memory) {
		return Mono.defer(() -> {
			String fileId = fileIds.getIfPresent(memory);
			if (fileId != null) {
				return Mono.just(fileId);
			}
			return files.find(bot, key)
				.doOnNext(found -> fileIds.put(memory, found))
				.onErrorResume(error -> {
					log.warn("Picture {} not looked up, drawn instead: {}", key, error.toString());
					return Mono.empty();
				});
		});
	}

	private Mono<Void> remember(long bot, String key, String memory, String fileId) {
		fileIds.put(memory, fileId);
		return files.save(bot, key, fileId).onErrorResume(error -> {
			log.warn("Picture {} sent but its file_id not stored: {}", key, error.toString());
			return Mono.empty();
		});
	}

	private <T> Mono<T> forget(long bot, String key, String memory, String fileId) {
		log.info("Telegram refused the file_id of picture {}: uploading it again", key);
		fileIds.asMap().remove(memory, fileId);
		return files.forget(bot, key, fileId).onErrorResume(error -> Mono.empty()).then(Mono.empty());
	}

	@Override
	public void close() {
		pool.dispose();
	}
}

package io.analytips.picture;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.analytips.store.PictureFileRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Pictures drawn once, on their own bounded pool, sent again by file_id; any failure counted and given to the caller. */
class PicturesTest {

	private static final long BOT = 7;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MemoryFiles files = new MemoryFiles();

	private final CountDownLatch never = new CountDownLatch(1);

	private final CountDownLatch drawing = new CountDownLatch(1);

	private final AtomicInteger drawings = new AtomicInteger();

	private final PictureRenderer real = new PictureRenderer();

	private Pictures pictures = pictures(2, 4, Duration.ofSeconds(5), this::counted);

	@AfterEach
	void close() {
		never.countDown();
		pictures.close();
	}

	@Test
	void uploadsAPictureOnceThenSendsItAgainByItsFileIdAlsoAfterARestart() {
		Sender chat = new Sender();
		AnalysisPicture picture = PictureSamples.picture(true);
		StepVerifier.create(pictures.send(BOT, picture, chat)).expectNext("file-1").verifyComplete();
		StepVerifier.create(pictures.send(BOT, picture, chat)).expectNext("file-1").verifyComplete();
		assertThat(files.kept).containsEntry(BOT + "/" + picture.key(), "file-1");
		pictures.close();
		pictures = pictures(2, 4, Duration.ofSeconds(5), this::counted); // a restart, or another replica
		StepVerifier.create(pictures.send(BOT, picture, chat)).expectNext("file-1").verifyComplete();
		assertThat(drawings).hasValue(1);
		assertThat(chat.uploads).hasSize(1);
		assertThat(chat.resent).containsExactly("file-1", "file-1");
		assertThat(chat.uploads.get(0)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
	}

	@Test
	void twoChatsAskingForOnePictureAtOnceHaveItDrawnOnce() {
		Sender one = new Sender();
		Sender other = new Sender();
		AnalysisPicture picture = PictureSamples.picture(true);
		StepVerifier.create(Mono.zip(pictures.send(BOT, picture, one), pictures.send(BOT, picture, other)))
			.assertNext(both -> assertThat(List.of(both.getT1(), both.getT2())).allMatch(id -> id.startsWith("file-")))
			.verifyComplete();
		assertThat(drawings).hasValue(1);
		assertThat(registry.timer("analytips.picture.render").count()).isOne();
	}

	@Test
	void aFileIdTelegramRefusesIsForgottenAndThePictureUploadedAgain() {
		AnalysisPicture picture = PictureSamples.picture(true);
		files.kept.put(BOT + "/" + picture.key(), "gone");
		Sender chat = new Sender();
		chat.refusing = "gone";
		StepVerifier.create(pictures.send(BOT, picture, chat)).expectNext("file-1").verifyComplete();
		assertThat(files.kept).containsEntry(BOT + "/" + picture.key(), "file-1");
		assertThat(registry.find("analytips.picture.failures").counters()).isEmpty();
	}

	@Test
	void aFileIdIsItsBotsOnly() {
		Sender chat = new Sender();
		AnalysisPicture picture = PictureSamples.picture(true);
		pictures.send(BOT, picture, chat).block();
		StepVerifier.create(pictures.send(BOT + 1, picture, chat)).expectNext("file-2").verifyComplete();
		assertThat(chat.uploads).hasSize(2);
	}

	@Test
	void aPictureNotDrawnInTimeFailsAndIsCounted() {
		pictures.close();
		pictures = pictures(1, 1, Duration.ofSeconds(5), this::stuck);
		Sender chat = new Sender();
		StepVerifier.withVirtualTime(() -> pictures.send(BOT, PictureSamples.picture(true), chat))
			.thenAwait(Duration.ofSeconds(5))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(PictureException.class)
				.extracting(e -> ((PictureException) e).reason()).isEqualTo("timeout"))
			.verify(Duration.ofSeconds(10));
		assertThat(chat.uploads).isEmpty();
		assertThat(registry.counter("analytips.picture.failures", "reason", "timeout").count()).isOne();
	}

	@Test
	void aFullPoolRefusesAtOnceAndIsCounted() {
		pictures.close();
		pictures = pictures(1, 1, Duration.ofSeconds(5), this::stuck);
		Sender chat = new Sender();
		pictures.send(BOT, picture(1), chat).subscribe();
		awaitDrawing(); // until its thread takes it, the first is still the one waiting in the queue
		pictures.send(BOT, picture(2), chat).subscribe(); // waiting
		StepVerifier.create(pictures.send(BOT, picture(3), chat))
			.expectErrorSatisfies(error -> assertThat(((PictureException) error).reason()).isEqualTo("queue-full"))
			.verify(Duration.ofSeconds(10));
		assertThat(registry.counter("analytips.picture.failures", "reason", "queue-full").count()).isOne();
	}

	@Test
	void aPictureThatCannotBeDrawnFailsIsCountedAndIsTriedAgainNextTime() {
		pictures.close();
		AtomicInteger tries = new AtomicInteger();
		pictures = pictures(1, 1, Duration.ofSeconds(5), picture -> {
			if (tries.incrementAndGet() == 1) {
				throw new IllegalArgumentException("no font");
			}
			return real.render(picture);
		});
		Sender chat = new Sender();
		StepVerifier.create(pictures.send(BOT, PictureSamples.picture(true), chat))
			.expectErrorSatisfies(error -> assertThat(((PictureException) error).reason()).isEqualTo("render"))
			.verify(Duration.ofSeconds(10));
		assertThat(registry.counter("analytips.picture.failures", "reason", "render").count()).isOne();
		StepVerifier.create(pictures.send(BOT, PictureSamples.picture(true), chat)).expectNext("file-1").verifyComplete();
	}

	@Test
	void aPictureTelegramDoesNotTakeFailsIsCountedAndNoFileIdIsKept() {
		Sender chat = new Sender();
		chat.failing = new IllegalStateException("Bad Request: IMAGE_PROCESS_FAILED");
		StepVerifier.create(pictures.send(BOT, PictureSamples.picture(true), chat))
			.expectErrorMessage("Bad Request: IMAGE_PROCESS_FAILED")
			.verify(Duration.ofSeconds(10));
		assertThat(registry.counter("analytips.picture.failures", "reason", "send").count()).isOne();
		assertThat(files.kept).isEmpty();
	}

	@Test
	void withNoChatToSendToNothingIsSent() {
		Sender nobody = new Sender();
		nobody.empty = true;
		StepVerifier.create(pictures.send(BOT, PictureSamples.picture(true), nobody)).verifyComplete();
		assertThat(files.kept).isEmpty();
	}

	@Test
	void aDatabaseThatFailsCostsADrawingNotThePicture() {
		files.down = true;
		Sender chat = new Sender();
		StepVerifier.create(pictures.send(BOT, PictureSamples.picture(true), chat)).expectNext("file-1").verifyComplete();
		StepVerifier.create(pictures.send(BOT, PictureSamples.picture(true), chat)).as("remembered in memory")
			.expectNext("file-1").verifyComplete();
		assertThat(drawings).hasValue(1);
	}

	@Test
	void asksFromANonBlockingThreadAreDrawnOnThePoolNeverThere() {
		pictures.close();
		pictures = pictures(2, 4, Duration.ofSeconds(5), real::render); // refuses a non-blocking thread; BlockHound watches
		Sender chat = new Sender();
		StepVerifier.create(Mono.defer(() -> pictures.send(BOT, PictureSamples.picture(true), chat))
			.subscribeOn(Schedulers.parallel())).expectNext("file-1").verifyComplete();
	}

	private Pictures pictures(int threads, int queue, Duration timeout, Function<AnalysisPicture, byte[]> renderer) {
		return new Pictures(new PictureProperties(true, threads, queue, timeout, 100), files, registry, renderer);
	}

	private byte[] counted(AnalysisPicture picture) {
		drawings.incrementAndGet();
		return real.render(picture);
	}

	private byte[] stuck(AnalysisPicture picture) {
		drawing.countDown();
		try {
			never.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new byte[0];
	}

	private void awaitDrawing() {
		try {
			assertThat(drawing.await(10, TimeUnit.SECONDS)).as("the first picture is drawing").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static AnalysisPicture picture(long fixtureId) {
		var report = PictureSamples.report(fixtureId, 1.5, 1.2, true);
		return AnalysisPicture.of(report, PictureSamples.labels(true, report));
	}

	/** A chat: numbers its uploads' file_ids, refuses one file_id, or fails every send. */
	private static final class Sender implements PhotoSender {

		final List<byte[]> uploads = new CopyOnWriteArrayList<>();

		final List<String> resent = new CopyOnWriteArrayList<>();

		volatile String refusing;

		volatile RuntimeException failing;

		volatile boolean empty;

		private final AtomicInteger ids = new AtomicInteger();

		@Override
		public Mono<String> upload(byte[] png) {
			if (failing != null) {
				return Mono.error(failing);
			}
			uploads.add(png);
			return empty ? Mono.empty() : Mono.just("file-" + ids.incrementAndGet());
		}

		@Override
		public Mono<String> resend(String fileId) {
			if (fileId.equals(refusing)) {
				return Mono.error(new IllegalArgumentException("Bad Request: wrong file identifier"));
			}
			resent.add(fileId);
			return Mono.just(fileId);
		}

		@Override
		public boolean refused(Throwable error) {
			return error instanceof IllegalArgumentException;
		}
	}

	/** picture_files in memory, which can be down. */
	private static final class MemoryFiles extends PictureFileRepository {

		final Map<String, String> kept = new ConcurrentHashMap<>();

		volatile boolean down;

		MemoryFiles() {
			super(null, Duration.ofSeconds(1));
		}

		@Override
		public Mono<String> find(long bot, String key) {
			return down ? Mono.error(new IllegalStateException("database down")) : Mono.justOrEmpty(kept.get(bot + "/" + key));
		}

		@Override
		public Mono<Void> save(long bot, String key, String fileId) {
			return down ? Mono.error(new IllegalStateException("database down"))
					: Mono.fromRunnable(() -> kept.put(bot + "/" + key, fileId));
		}

		@Override
		public Mono<Void> forget(long bot, String key, String fileId) {
			return Mono.fromRunnable(() -> kept.remove(bot + "/" + key, fileId));
		}
	}
}

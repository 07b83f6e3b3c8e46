package io.analytips.pipeline.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.VirtualPipeline;
import io.analytips.support.ApplicationDefaults;
import io.analytips.support.FanSession;
import io.analytips.support.FanSession.Step;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped per-user limits ({@code application.yml}) against ten minutes of one fan exploring at a
 * quick human pace ({@link FanSession}), and against a script pressing as fast as it can. Virtual time.
 */
class FanSessionTest {

	private static final PipelineProperties SHIPPED = ApplicationDefaults.pipeline();

	private static final long FAN = 7;

	/**
	 * Screens like the bot's: an analysis ({@code a:…}) and a team's games ({@code tm:…}) are work, every other
	 * press only moves between screens. Every update is answered: with a message, or (for a script whose
	 * messages Telegram's per-chat pace would queue) presses with their callback answer alone.
	 */
	static final class Screens implements Handler {

		private final boolean messages;

		Screens(boolean messages) {
			this.messages = messages;
		}

		@Override
		public boolean supports(UpdateContext context) {
			return context.callbackData() != null || context.text() != null;
		}

		@Override
		public boolean isNavigation(UpdateContext context) {
			String data = context.callbackData();
			// as the bot's handlers do (bot.NavigationTest): analyses, a team's games and a setting chosen are work
			return data != null && !data.startsWith("a:") && !data.startsWith("tm:") && !data.matches("(lang|tz):.+");
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			String shown = context.callbackData() != null ? context.callbackData() : context.text();
			Mono<Void> answer = context.answerCallback(null, false);
			return messages || !context.isCallback() ? answer.then(context.reply("screen " + shown)).then() : answer;
		}
	}

	/** What the session met: its updates refused, and the fewest updates of each kind it had left. */
	private record Met(int refused, long fewestWorkLeft, long fewestNavigationLeft) {
	}

	/** The session against the shipped limits, its pauses multiplied by {@code pace} (1: as scripted). */
	private static Met run(List<Step> steps, double pace) {
		MutableClock clock = new MutableClock();
		UserRateLimiter work = new UserRateLimiter(SHIPPED.rateLimit(), SHIPPED.rateWindow(), clock);
		UserRateLimiter navigation = new UserRateLimiter(SHIPPED.navigationRateLimit(), SHIPPED.rateWindow(), clock);
		int refused = 0;
		long fewestWork = SHIPPED.rateLimit();
		long fewestNavigation = SHIPPED.navigationRateLimit();
		for (Step step : steps) {
			clock.advance(Duration.ofMillis(Math.round(step.after().toMillis() * pace)));
			UserRateLimiter.Decision decision = (step.navigation() ? navigation : work).acquire(FAN);
			if (!decision.allowed()) {
				refused++;
			}
			else if (step.navigation()) {
				fewestNavigation = Math.min(fewestNavigation, decision.left());
			}
			else {
				fewestWork = Math.min(fewestWork, decision.left());
			}
		}
		return new Met(refused, fewestWork, fewestNavigation);
	}

	/** The most times of {@code kind} in any stretch of {@code span}. */
	private static int most(List<Step> steps, boolean navigation, Duration span) {
		List<Long> at = new ArrayList<>();
		long now = 0;
		for (Step step : steps) {
			now += step.after().toMillis();
			if (step.navigation() == navigation) {
				at.add(now);
			}
		}
		int most = 0;
		for (int first = 0, last = 0; last < at.size(); last++) {
			while (at.get(last) - at.get(first) >= span.toMillis()) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	@Test
	void aFanExploringForTenMinutesIsNeverLimitedAndKeepsMostOfEachAllowance() {
		List<Step> steps = FanSession.steps();
		assertThat(FanSession.length(steps)).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
		Met met = run(steps, 1);
		long work = steps.stream().filter(step -> !step.navigation()).count();
		System.out.printf("fan session: %d updates (%d work, %d navigation) in %s; most in any 60 s: %d work, %d "
				+ "navigation; in any 10 s: %d work, %d navigation; fewest left: %d of %d work, %d of %d navigation%n",
				steps.size(), work, steps.size() - work, FanSession.length(steps),
				most(steps, false, Duration.ofSeconds(60)), most(steps, true, Duration.ofSeconds(60)),
				most(steps, false, Duration.ofSeconds(10)), most(steps, true, Duration.ofSeconds(10)),
				met.fewestWorkLeft(), SHIPPED.rateLimit(), met.fewestNavigationLeft(), SHIPPED.navigationRateLimit());
		assertThat(met.refused()).isZero();
		// Not a close shave: at least half of each allowance is always left.
		assertThat(met.fewestWorkLeft()).isGreaterThanOrEqualTo(SHIPPED.rateLimit() / 2);
		assertThat(met.fewestNavigationLeft()).isGreaterThanOrEqualTo(SHIPPED.navigationRateLimit() / 2);
	}

	@Test
	void atTwiceThatPaceTheFanIsStillNeverLimited() {
		Met met = run(FanSession.steps(), 0.5);
		System.out.printf("fan session at twice the pace: fewest left: %d work, %d navigation%n",
				met.fewestWorkLeft(), met.fewestNavigationLeft());
		assertThat(met.refused()).isZero();
	}

	@Test
	void theWholeSessionThroughThePipelineIsHandledAndAnsweredUpdateByUpdate() {
		List<Step> steps = FanSession.steps();
		Screens screens = new Screens(true);
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(screens).start()) {
			List<Long> ids = new ArrayList<>();
			for (Step step : steps) {
				bot.advance(step.after());
				var update = step.update(FAN);
				assertThat(screens.isNavigation(new UpdateContext(ReceivedUpdate.parse(update.deepCopy().put("update_id", 0)),
						null))).as(step.toString()).isEqualTo(step.navigation());
				ids.add(bot.enqueue(update));
			}
			bot.advance(Duration.ofMinutes(2));

			assertThat(ids).allSatisfy(id -> assertThat(bot.outcomeOf(id)).as("update %d", id).isEqualTo("done"));
			assertThat(bot.messagesTo(FAN)).hasSize(steps.size())
				.allSatisfy(sent -> assertThat(sent.text()).startsWith("screen "));
			assertThat(bot.alerts()).isEmpty();
		}
	}

	@Test
	void aScriptPressingAsFastAsItCanIsHeldToTheBurstThenTheRefillAndEveryPressIsAnswered() {
		int work = SHIPPED.rateLimit();
		Duration refill = SHIPPED.rateWindow().dividedBy(work);
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(new Screens(false)).start()) {
			List<Long> presses = new ArrayList<>();
			for (int i = 0; i < 2 * 60 * 20; i++) { // 20 analyses a second for two minutes
				presses.add(bot.enqueue(Updates.callback(FAN, "a:1001:full")));
				bot.advance(Duration.ofMillis(50));
			}
			bot.advance(Duration.ofMinutes(1));

			long done = presses.stream().filter(id -> "done".equals(bot.outcomeOf(id))).count();
			long limited = presses.stream().filter(id -> "rate_limited".equals(bot.outcomeOf(id))).count();
			long refills = Duration.ofMinutes(2).toMillis() / refill.toMillis();
			System.out.printf("script pressing 20 a second for 2 min: %d of %d handled, %d refused with an alert%n", done,
					presses.size(), limited);
			assertThat(done).isBetween(work + refills - 1, work + refills + 1);
			assertThat(limited).isEqualTo(presses.size() - done);
			// Telegram spins a button until it is answered: every refused press got an alert.
			assertThat(bot.alerts()).hasSize((int) limited).allSatisfy(alert -> assertThat(alert.text()).isEqualTo("RATE LIMITED"));
		}
	}
}

package io.analytips.console;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import io.analytips.common.DemoToday;
import io.analytips.common.ExitThread;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.store.InboxRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The offline demo's console channel ({@code --demo} without a {@code TELEGRAM_BOT_TOKEN}): the
 * terminal stands in for Telegram. When the input ends, the demo prints what is still on its way
 * and shuts down cleanly.
 */
@Configuration(proxyBeanMethods = false)
@Profile("console")
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ConsoleConfiguration.class);

	/** Beyond the handler's timeout: its apology, the outcome's write, the printing. */
	private static final Duration ANSWER_MARGIN = Duration.ofSeconds(30);

	/**
	 * The terminal, also the pipeline's {@link io.analytips.pipeline.UpdateListener}: a typed line's answer is
	 * waited for up to the handler's timeout and a margin (an update ends by then, answered or apologised for),
	 * then the next line is read anyway. Input that is not a terminal (a script) is echoed after a prompt.
	 */
	@Bean(destroyMethod = "close")
	ConsoleBotApi consoleBotApi(ApplicationContext context, Clock clock, PipelineProperties pipeline,
			ConsoleProperties properties) {
		String language = properties.languageOr(System.getenv());
		String name = System.getProperty("user.name", "Torcedor");
		Duration answerWait = pipeline.handlerTimeout().plus(ANSWER_MARGIN);
		boolean script = System.console() == null;
		return new ConsoleBotApi(System.in, utf8(new FileOutputStream(FileDescriptor.out)), name, language, clock,
				answerWait, script, () -> {
					log.info("Console input ended: shutting the demo down");
					// Every line's answer is printed by now (or was given up on): stop as on SIGTERM, which drains
					// whatever is still under way.
					ExitThread.of("demo-exit", context).start();
				}, properties.pictures());
	}

	/**
	 * The demo speaks in accents and emoji: print them as UTF-8 whatever the locale says. On Java 17
	 * {@code System.out} encodes with the locale's charset, which is ASCII without one ({@code LANG}
	 * unset, a bare container), and every "ç" and "⚽" became "?"; terminals decode UTF-8 nearly
	 * everywhere. (Input is read as UTF-8 already.)
	 */
	static PrintStream utf8(OutputStream out) {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}

	/**
	 * The terminal's language as a Telegram client would report it: English when the locale
	 * variables ask for it, otherwise the bot's default, Portuguese. (Not the JVM's default locale,
	 * which is English on any machine without a locale set.)
	 */
	static String languageOf(Map<String, String> environment) {
		for (String variable : new String[] { "LC_ALL", "LC_MESSAGES", "LANG" }) {
			String value = environment.get(variable);
			if (value != null && !value.isBlank()) {
				return value.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "pt-br";
			}
		}
		return "pt-br";
	}

	/**
	 * Starts reading the terminal once everything else is up, numbering what is typed after the
	 * highest update id the demo's inbox holds: a second run in the same folder continues where the
	 * first stopped (the inbox would drop a repeated id as a redelivery) and keeps its history.
	 */
	@Bean
	SmartLifecycle consoleInput(ConsoleBotApi console, InboxRepository inbox, ObjectProvider<DemoToday> today) {
		return new SmartLifecycle() {
			private volatile boolean running;

			@Override
			public void start() {
				Map<String, LocalDate> replayed = today.stream().findFirst().map(DemoToday::replayedDays).orElse(Map.of());
				inbox.highestUpdateId()
					.timeout(Duration.ofSeconds(10))
					.onErrorResume(error -> {
						log.warn("Could not read the highest stored update id; numbering from 1: {}", error.toString());
						return Mono.just(0L);
					})
					.subscribe(highest -> console.start(highest + 1, replayed));
				running = true;
			}

			@Override
			public void stop() {
				running = false;
			}

			@Override
			public boolean isRunning() {
				return running;
			}

			@Override
			public int getPhase() {
				return Integer.MAX_VALUE - 50;
			}
		};
	}
}

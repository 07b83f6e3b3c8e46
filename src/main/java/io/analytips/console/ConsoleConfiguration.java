package io.analytips.console;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
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
class ConsoleConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ConsoleConfiguration.class);

	@Bean(destroyMethod = "close")
	ConsoleBotApi consoleBotApi(ApplicationContext context) {
		String language = System.getenv().getOrDefault("DEMO_LANGUAGE", languageOf(System.getenv()));
		String name = System.getProperty("user.name", "Torcedor");
		return new ConsoleBotApi(System.in, System.out, name, language, () -> {
			log.info("Console input ended: shutting the demo down");
			// Give the replies already under way a moment to be printed, then stop as on SIGTERM.
			Mono.delay(Duration.ofSeconds(3))
				.subscribe(tick -> new Thread(() -> System.exit(SpringApplication.exit(context)), "demo-exit").start());
		});
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

	/** Starts reading the terminal once everything else is up. */
	@Bean
	SmartLifecycle consoleInput(ConsoleBotApi console) {
		return new SmartLifecycle() {
			private volatile boolean running;

			@Override
			public void start() {
				console.start();
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

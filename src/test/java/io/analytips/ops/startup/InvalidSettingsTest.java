package io.analytips.ops.startup;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.analytips.common.ClockProperties;
import io.analytips.football.MarketProperties;
import io.analytips.ops.admin.AdminProperties;
import io.analytips.telegram.TelegramProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InvalidSettingsTest {

	private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

	InvalidSettingsTest() {
		validator.afterPropertiesSet();
	}

	@AfterEach
	void close() {
		validator.close();
	}

	private List<String> lines(Map<String, String> properties, String prefix, Bindable<?> target) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		BindException failure = catchThrowableOfType(BindException.class,
				() -> binder.bindOrCreate(prefix, target, new ValidationBindHandler(validator)));
		assertThat(failure).as("binding fails").isNotNull();
		return InvalidSettings.lines(failure);
	}

	private List<String> lines(String property, String value, Class<?> type) {
		return lines(Map.of(property, value), property, Bindable.of(type));
	}

	@Test
	void keepsTheMessageOfARecordThatNamesItsVariableRatherThanTheParsersWords() {
		assertThat(lines(Map.of("analytips.clock.start", "2026-13-45"), "analytips.clock", Bindable.of(ClockProperties.class)))
			.containsExactly("DEMO_DATE must be a date like 2026-07-10 (was 2026-13-45)");
		assertThat(lines(Map.of("analytips.clock.speed", "0.5"), "analytips.clock", Bindable.of(ClockProperties.class)))
			.containsExactly("DEMO_SPEED must be a number from 1 to 3600, like 60 for a simulated minute every second (was 0.5)");
	}

	@Test
	void turnsAPropertyNamedInARecordsMessageIntoItsVariable() {
		assertThat(lines(Map.of("analytips.market.sweep-every", "30s", "analytips.market.first-sweep-after", "5m"),
				"analytips.market", Bindable.of(MarketProperties.class)))
			.containsExactly("MARKET_SWEEP_EVERY must be at least 1 minute: PT30S");
	}

	@Test
	void saysWhatAGoodValueOfEachTypeLooksLike() {
		assertThat(lines("analytips.bot.rate-limit", "ten", Integer.class))
			.containsExactly("BOT_RATE_LIMIT is invalid: a whole number like 10 (was \"ten\")");
		assertThat(lines("analytips.bot.rate-window", "1 minute", Duration.class))
			.containsExactly("BOT_RATE_WINDOW is invalid: a duration like 500ms, 10s, 5m or 3d (was \"1 minute\")");
		assertThat(lines("analytips.clock.speed", "fast", Double.class))
			.containsExactly("DEMO_SPEED is invalid: a number like 60 or 1.5 (was \"fast\")");
		assertThat(lines("analytips.bot.log-updates", "sometimes", Boolean.class))
			.containsExactly("LOG_UPDATES is invalid: true or false (was \"sometimes\")");
		assertThat(lines("analytips.football.timezone", "Brasilia", ZoneId.class)).containsExactly(
				"API_FOOTBALL_TIMEZONE is invalid: a time zone like America/Sao_Paulo, Europe/London or UTC (was \"Brasilia\")");
		assertThat(lines("analytips.football.memory-cache-size", "big", DataSize.class)).containsExactly(
				"analytips.football.memory-cache-size is invalid: a size like 512KB or 16MB (was \"big\")");
		assertThat(lines("analytips.telegram.mode", "pooling", TelegramProperties.Mode.class))
			.containsExactly("TELEGRAM_MODE is invalid: polling or webhook (was \"pooling\")");
		assertThat(lines(Map.of("analytips.football.leagues", "71,A"), "analytips.football.leagues",
				Bindable.of(ResolvableType.forClassWithGenerics(List.class, Integer.class))))
			.containsExactly("API_FOOTBALL_LEAGUES is invalid: comma-separated whole numbers like 71,39 (was \"A\")");
	}

	@Test
	void givesEachInvalidFieldALineNamingItsVariable() {
		assertThat(lines(Map.of("analytips.admin.admin-ids", "-1", "analytips.admin.operator-ids", "5,-2"), "analytips.admin",
				Bindable.of(AdminProperties.class)))
			.containsExactlyInAnyOrder(
					"ADMIN_IDS is invalid: must be Telegram user ids (a person's, not a group's) like 123456789,987654321 (was \"-1\")",
					"OPERATOR_IDS is invalid: must be Telegram user ids (a person's, not a group's) like 123456789,987654321 (was \"-2\")");
	}

	@Test
	void neverRepeatsASecretOnlyItsLength() {
		assertThat(lines(Map.of("analytips.admin.api-token", "short secret"), "analytips.admin",
				Bindable.of(AdminProperties.class)))
			.containsExactly("ADMIN_API_TOKEN is invalid: must be at least 32 printable characters without spaces"
					+ " (was 12 characters, not shown)");
	}
}

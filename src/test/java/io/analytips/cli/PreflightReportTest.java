package io.analytips.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightReportTest {

	private static final Instant AT = Instant.parse("2026-11-29T12:00:00.123Z");

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private void print(boolean json, String... problems) {
		PreflightReport.print(List.of(problems), json, AT, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private static List<String> lines(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8).lines().toList();
	}

	@Test
	void writesOneJsonObjectPerProblemInTheShapeOfTheLogs() {
		print(true, "TELEGRAM_BOT_TOKEN is not set: x", "API_FOOTBALL_KEY is not set: y");

		assertThat(lines(err)).isEmpty();
		assertThat(lines(out)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{").contains("\"level\":\"ERROR\""));
		JsonNode first = JsonMapper.shared().readTree(lines(out).get(0));
		assertThat(first.get("@timestamp").asString()).isEqualTo("2026-11-29T12:00:00.123Z");
		assertThat(first.get("@version").asString()).isEqualTo("1");
		assertThat(first.get("message").asString()).isEqualTo("TELEGRAM_BOT_TOKEN is not set: x");
		assertThat(first.get("logger_name").asString()).isEqualTo("io.analytips.startup");
		assertThat(first.get("level_value").asInt()).isEqualTo(40_000);
	}

	@Test
	void escapesWhatJsonNeedsEscaped() {
		String awkward = "TELEGRAM_MODE is invalid: polling or webhook (was \"a\\b\tc\r\n\u0001é\")";
		print(true, awkward);

		assertThat(lines(out)).hasSize(1);
		assertThat(JsonMapper.shared().readTree(lines(out).get(0)).get("message").asString()).isEqualTo(awkward);
	}

	@Test
	void writesPlainLinesToStandardErrorForAPerson() {
		print(false, "TELEGRAM_BOT_TOKEN is not set: x", "API_FOOTBALL_KEY is not set: y");

		assertThat(lines(out)).isEmpty();
		assertThat(lines(err)).startsWith("TELEGRAM_BOT_TOKEN is not set: x", "API_FOOTBALL_KEY is not set: y")
			.last().asString().contains("--help");
	}

	@Test
	void pointsAtTheHelpOnlyWhenASettingIsMissing() {
		print(false, "DEMO_DATE must be a date like 2026-07-10 (was 2026-13-45)");

		assertThat(lines(err)).containsExactly("DEMO_DATE must be a date like 2026-07-10 (was 2026-13-45)");
	}

	@Test
	void writesPlainLinesForTheTerminalDemoUnlessJsonIsAskedFor() {
		SettingSources nothing = new SettingSources(List.of("--demo"), Map.of(), Map.of());
		assertThat(PreflightReport.json(nothing, false, true)).isFalse();
		assertThat(PreflightReport.json(new SettingSources(List.of("--demo"), Map.of(), Map.of("LOG_FORMAT", "json")), false,
				true)).isTrue();
		assertThat(PreflightReport.json(nothing, false, false)).isTrue();
	}

	@Test
	void choosesTheFormatAsTheLogsDo() {
		SettingSources nothing = new SettingSources(List.of(), Map.of(), Map.of());
		assertThat(PreflightReport.json(nothing, false)).isTrue();
		assertThat(PreflightReport.json(nothing, true)).isFalse();
		assertThat(PreflightReport.json(new SettingSources(List.of(), Map.of(), Map.of("LOG_FORMAT", "text")), false))
			.isFalse();
		assertThat(PreflightReport.json(new SettingSources(List.of("--LOG_FORMAT=JSON"), Map.of(), Map.of()), true))
			.isTrue();
	}
}

package io.analytips.backtest;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.analytips.football.analysis.ValueRule;

/**
 * Writes the chosen {@link ValueRule} as the properties the bot bundles for the league
 * ({@code football/value-rules/<API-Football league id>.properties}), keys sorted and without the timestamp
 * {@link java.util.Properties#store} adds, so that the same data always writes the same bytes.
 */
final class ValueRuleFile {

	private ValueRuleFile() {
	}

	static void write(ValueRule rule, BacktestOptions options, Path file) throws IOException {
		writeText(file, text(rule, options));
	}

	/** Writes {@code text} to {@code file} in UTF-8, creating its folders first (the bundled files' writer). */
	static void writeText(Path file, String text) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	/** The file's text: a header saying how to reproduce it, then the rule's keys in order. */
	static String text(ValueRule rule, BacktestOptions options) {
		StringBuilder out = new StringBuilder();
		out.append("# The value rule of the ").append(options.league().displayName).append(" (API-Football league ")
			.append(options.league().leagueId).append("), chosen by the backtest of its own flags on ")
			.append(options.seasonRange()).append("; the bot reads it at start-up.\n");
		out.append("# Written by: java -jar target/analytips.jar backtest --league ").append(options.league())
			.append(" --from ").append(options.from()).append(" --to ").append(options.to())
			.append(" --rule-out <this file>\n");
		out.append("# See docs/model.md, \"Value flags\". Do not edit by hand: a test checks it against the league's ")
			.append("backtest.\n");
		Map<Object, Object> sorted = new TreeMap<>(rule.toProperties());
		StringWriter keys = new StringWriter();
		sorted.forEach((key, value) -> keys.append(String.valueOf(key)).append('=').append(escape(String.valueOf(value)))
			.append('\n'));
		return out.append(keys).toString();
	}

	/** Non-ASCII as {@code \\uXXXX}, as {@code Properties.load} reads it whatever the file's charset. */
	private static String escape(String value) {
		StringBuilder out = new StringBuilder();
		for (char c : value.toCharArray()) {
			out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
		}
		return out.toString();
	}
}

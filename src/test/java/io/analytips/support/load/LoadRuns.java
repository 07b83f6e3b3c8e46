package io.analytips.support.load;

import java.util.List;
import java.util.Objects;

import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several targets' {@link LoadRun}s read as one (the {@code /all/run} report of {@link FakeBotApiServer}): the
 * counts summed, rates over the span from the earliest update to the latest reply, latency percentiles over every
 * reply, and each target's own figures, so that an unfair share (one bot answered late or not at all) shows.
 * Targets without a run yet are left out.
 */
final class LoadRuns {

	private LoadRuns() {
	}

	/** The counts alone (no sorting): cheap enough to poll while a run goes on. */
	static String counts(List<LoadRun> runs) {
		List<LoadRun> started = started(runs);
		long expected = started.stream().mapToLong(LoadRun::expected).sum();
		long sent = started.stream().mapToLong(LoadRun::sent).sum();
		long replies = started.stream().mapToLong(LoadRun::replies).sum();
		long done = started.stream().filter(run -> run.replies() >= run.expected()).count();
		return "{\"runs\":" + started.size() + ",\"expected\":" + expected + ",\"sent\":" + sent + ",\"replies\":"
				+ replies + ",\"runsDone\":" + done + "}";
	}

	/**
	 * The whole report: {@code expected}, {@code sent}, {@code replies}, {@code unmatched}, {@code refused} (overload notices); {@code sentPerSecond}
	 * (from the first update to the last) and {@code repliesPerSecond} (from the first update to the last reply);
	 * {@code p50Ms}, {@code p99Ms}, {@code maxMs} over every reply; {@code worstP99Ms} and {@code worstTarget}, the
	 * target whose own p99 is highest; {@code fewestReplies}; and per target, {@code targetP99Ms} and
	 * {@code targetReplies}.
	 */
	static String json(List<LoadRun> runs) {
		List<LoadRun> started = started(runs);
		ObjectNode report = TelegramJson.mapper().createObjectNode();
		long firstSent = Long.MAX_VALUE;
		long lastSent = Long.MIN_VALUE;
		long lastReply = Long.MIN_VALUE;
		long expected = 0;
		long sent = 0;
		long unmatched = 0;
		long refused = 0;
		double worstP99 = -1;
		int worst = -1;
		int fewest = Integer.MAX_VALUE;
		long[][] latencies = new long[started.size()][];
		ArrayNode targetP99 = TelegramJson.mapper().createArrayNode();
		ArrayNode targetReplies = TelegramJson.mapper().createArrayNode();
		for (int i = 0; i < started.size(); i++) {
			LoadRun run = started.get(i);
			latencies[i] = run.sortedLatencies();
			expected += run.expected();
			sent += run.sent();
			unmatched += run.unmatched();
			refused += run.refused();
			if (run.sent() > 0) {
				firstSent = Math.min(firstSent, run.firstSent());
				lastSent = Math.max(lastSent, run.lastSent());
			}
			if (latencies[i].length > 0) {
				lastReply = Math.max(lastReply, run.lastReply());
			}
			double p99 = LoadRun.percentile(latencies[i], 0.99);
			targetP99.add(p99);
			targetReplies.add(latencies[i].length);
			fewest = Math.min(fewest, latencies[i].length);
			if (p99 > worstP99) {
				worstP99 = p99;
				worst = runs.indexOf(run);
			}
		}
		long[] all = merged(latencies);
		double sentSeconds = sent < 2 ? 0 : (lastSent - firstSent) / 1e9;
		double replySeconds = all.length == 0 ? 0 : (lastReply - firstSent) / 1e9;
		report.put("runs", started.size())
			.put("expected", expected)
			.put("sent", sent)
			.put("replies", all.length)
			.put("unmatched", unmatched)
			.put("refused", refused)
			.put("sentPerSecond", sentSeconds == 0 ? 0 : (sent - 1) / sentSeconds)
			.put("seconds", replySeconds)
			.put("repliesPerSecond", replySeconds == 0 ? 0 : all.length / replySeconds)
			.put("p50Ms", LoadRun.percentile(all, 0.50))
			.put("p99Ms", LoadRun.percentile(all, 0.99))
			.put("maxMs", LoadRun.percentile(all, 1.0))
			.put("worstP99Ms", Math.max(worstP99, 0))
			.put("worstTarget", worst)
			.put("fewestReplies", started.isEmpty() ? 0 : fewest);
		report.set("targetP99Ms", targetP99);
		report.set("targetReplies", targetReplies);
		return report.toString();
	}

	private static List<LoadRun> started(List<LoadRun> runs) {
		return runs.stream().filter(Objects::nonNull).toList();
	}

	private static long[] merged(long[][] sorted) {
		int total = 0;
		for (long[] one : sorted) {
			total += one.length;
		}
		long[] all = new long[total];
		int at = 0;
		for (long[] one : sorted) {
			System.arraycopy(one, 0, all, at, one.length);
			at += one.length;
		}
		java.util.Arrays.sort(all);
		return all;
	}
}

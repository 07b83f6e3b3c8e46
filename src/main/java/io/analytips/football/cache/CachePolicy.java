package io.analytips.football.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import io.analytips.football.api.ApiRequest;
import tools.jackson.databind.JsonNode;

/**
 * How long an answer stays fresh, per endpoint and, where it matters, per content: today's
 * fixtures and odds briefly, finished matches and seasons for a month, reference data for a day (the
 * vendor's own advice: leagues and teams daily, team statistics twice a day, odds every 3 h).
 */
public final class CachePolicy {

	private static final Set<String> FINISHED = Set.of("FT", "AET", "PEN", "AWD", "WO", "CANC");

	private final Clock clock;

	private final ZoneId zone;

	public CachePolicy(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	/** How long this answer to this request is fresh. */
	public Duration ttl(ApiRequest request, JsonNode envelope) {
		JsonNode response = envelope.path("response");
		boolean empty = response.isEmpty();
		return switch (request.path()) {
			case "/leagues", "/teams" -> Duration.ofHours(24);
			case "/standings" -> Duration.ofHours(3);
			case "/teams/statistics" -> Duration.ofHours(12);
			case "/odds" -> empty ? Duration.ofMinutes(30) : Duration.ofHours(3);
			case "/fixtures/headtohead" -> Duration.ofHours(12);
			case "/fixtures/statistics" -> empty ? Duration.ofHours(1) : Duration.ofDays(30);
			case "/fixtures" -> fixtures(request, response);
			default -> Duration.ofHours(1);
		};
	}

	private Duration fixtures(ApiRequest request, JsonNode response) {
		if (request.parameter("ids") != null) {
			// the result watch's read of followed fixtures: a result must be told within minutes of the whistle
			return allFinished(response) ? Duration.ofDays(30) : Duration.ofMinutes(1);
		}
		if (request.parameter("id") != null) {
			return allFinished(response) ? Duration.ofDays(30) : Duration.ofMinutes(10);
		}
		if (request.parameter("date") != null) {
			LocalDate date = LocalDate.parse(request.parameter("date"));
			LocalDate today = LocalDate.now(clock.withZone(zone));
			return date.isBefore(today) ? Duration.ofHours(12) : date.isAfter(today) ? Duration.ofHours(1)
					: Duration.ofMinutes(10);
		}
		if (request.parameter("next") != null) {
			return Duration.ofHours(1);
		}
		if (request.parameter("league") != null && request.parameter("season") != null && allFinished(response)) {
			return Duration.ofDays(30); // a season that is over (the previous one, read by every analysis) stays so
		}
		return Duration.ofHours(3); // a season's results, a team's last matches
	}

	private static boolean allFinished(JsonNode response) {
		boolean allFinished = !response.isEmpty();
		for (JsonNode item : response) {
			allFinished &= FINISHED.contains(item.path("fixture").path("status").path("short").asString(""));
		}
		return allFinished;
	}
}

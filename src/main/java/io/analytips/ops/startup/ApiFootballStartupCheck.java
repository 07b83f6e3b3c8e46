package io.analytips.ops.startup;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.Requests;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.api.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * API-Football {@code /status} (free of quota), one attempt, uncached: the key is accepted; logs the plan and the
 * quota left. Straight through the client, not the cache, which needs the database: the check runs before it starts.
 */
final class ApiFootballStartupCheck implements StartupCheck {

	private static final Logger log = LoggerFactory.getLogger(ApiFootballStartupCheck.class);

	private final ResilientApiFootball api;

	private final ApiFootballProperties properties;

	ApiFootballStartupCheck(ResilientApiFootball api, ApiFootballProperties properties) {
		this.api = api;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "API-Football";
	}

	@Override
	public String setting() {
		return "API_FOOTBALL_URL";
	}

	@Override
	public Mono<Void> run() {
		if (!properties.hasKey()) {
			return Mono.error(StartupCheckFailure.invalid("API_FOOTBALL_KEY", "it is not set"));
		}
		return api.probe(Requests.status())
			.map(Wire::status)
			.doOnNext(status -> log.info("API-Football accepted the key: plan {}, {} of {} requests used today{}",
					status.plan(), status.requestsToday(), status.dailyLimit(), status.active() ? "" : " (subscription inactive)"))
			.onErrorMap(ApiFootballException.class, ex -> switch (ex.kind()) {
				case CONFIGURATION -> StartupCheckFailure.invalid("API_FOOTBALL_KEY", "API-Football answered: " + ex.getMessage());
				case BAD_REQUEST -> StartupCheckFailure.invalid("API_FOOTBALL_URL", "not an API-Football v3 endpoint: "
						+ ex.getMessage());
				default -> StartupCheckFailure.unreachable("API_FOOTBALL_URL", ex.getMessage(), ex);
			})
			.then();
	}
}

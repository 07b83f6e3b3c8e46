package io.analytips.follow;

import java.time.Clock;
import java.util.Optional;

import io.analytips.common.Periodic;
import io.analytips.football.AnalysisService;
import io.analytips.football.FootballData;
import io.analytips.host.BotHost;
import io.analytips.host.BotState;
import io.analytips.host.HostedBot;
import io.analytips.replica.Leadership;
import io.analytips.store.AlertRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.ForecastRepository;
import io.analytips.store.WatchedFixtureRepository;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Following teams and leagues: the chats' choices, the leader's alert rounds, the bot's record. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowProperties.class)
class FollowConfiguration {

	@Bean
	Following following(FollowRepository follows, AlertRepository alerts, FollowProperties properties, Clock clock) {
		return new Following(follows, alerts, properties.beforeKickoff(), clock);
	}

	@Bean
	TrackRecords trackRecords(ForecastRepository forecasts) {
		return new TrackRecords(forecasts);
	}

	/**
	 * The bots running now, by Telegram's id: an alert to the chat of a bot removed, or stopped for a refused token,
	 * is dropped, and cannot hold up the other bots' alerts.
	 */
	@Bean
	BotOutlets botOutlets(ObjectProvider<BotHost> host) {
		return bot -> Optional.ofNullable(host.getIfAvailable())
			.flatMap(found -> found.bots().stream()
				.filter(hosted -> hosted.profile().id() == bot && hosted.state() == BotState.RUNNING)
				.findFirst())
			.map(HostedBot::outbound);
	}

	/** The alert rounds, on the replica that leads (one for the deployment, whatever the replicas). */
	@Bean
	@ConditionalOnBooleanProperty(name = "analytips.follow.alerts-enabled", matchIfMissing = true)
	Periodic alertRounds(Following following, FootballData data, AnalysisService analyses, FollowRepository follows,
			WatchedFixtureRepository watched, ForecastRepository forecasts, AlertRepository alerts, AlertTexts texts,
			BotOutlets outlets, FollowProperties properties, ObjectProvider<Leadership> leadership, MeterRegistry registry,
			Clock clock) {
		Leadership lead = leadership.getIfAvailable(() -> Leadership.SOLE);
		AlertMetrics metrics = new AlertMetrics(registry);
		Conclusions conclusions = new Conclusions(watched, forecasts, alerts, metrics, clock);
		AlertPlanner planner = new AlertPlanner(data, follows, watched, alerts, conclusions, metrics, properties, clock,
				following::changes);
		ResultWatch results = new ResultWatch(data, watched, conclusions, properties, clock);
		AlertSender sender = new AlertSender(alerts, watched, forecasts, new Forecasts(analyses, forecasts, clock),
				new Digests(data, follows, texts), follows, texts, outlets, metrics, properties, clock);
		AlertRounds rounds = new AlertRounds(alerts, planner, results, sender, lead, clock);
		return new Periodic(properties.tick(), properties.tick(), Schedulers.parallel(), lead.whileLeading(rounds::round));
	}
}

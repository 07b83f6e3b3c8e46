package io.analytips.ops.alerts;

import java.time.Clock;
import java.time.Duration;

import io.analytips.common.Periodic;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.ops.admin.AdminProperties;
import io.analytips.host.BotHost;
import io.analytips.host.BotState;
import io.analytips.replica.Leadership;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.SendMessage;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The alerts to the admins' chats, checked every 15 s by the leading replica. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

	@Bean
	Alerts alerts(ResilientApiFootball api, ObjectProvider<BotHost> host, DatabaseClient db, AdminProperties admins,
			Clock clock, MeterRegistry registry) {
		// through the first bot whose token Telegram accepts: the admins hear of a refused token from another bot
		return new Alerts(AlertRules.standard(api, host::getObject, db),
				text -> Mono.justOrEmpty(host.getObject().bots().stream().filter(bot -> bot.state() == BotState.RUNNING).findFirst())
					.flatMapMany(bot -> Flux.fromIterable(admins.adminIds())
						.flatMap(chat -> bot.outbound().sendMessage(SendMessage.html(chat, Html.escape(text), null))))
					.then(),
				Schedulers.parallel(), clock, registry);
	}

	@Bean
	Periodic alertChecks(Alerts alerts, ObjectProvider<Leadership> leadership) {
		// one alert per episode for the deployment: the leader checks, the standbys (which handle nothing) do not
		return new Periodic(Duration.ofSeconds(15), Duration.ofSeconds(15), Schedulers.parallel(),
				leadership.getIfAvailable(() -> Leadership.SOLE).whileLeading(alerts::checkAll));
	}
}

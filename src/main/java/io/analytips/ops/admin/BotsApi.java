package io.analytips.ops.admin;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.analytips.host.BotHost;
import io.analytips.host.HostedBot;
import io.analytips.store.AuditEvent;
import io.analytips.store.AuditLog;
import io.analytips.telegram.TelegramException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The hosted bots through the admin API (bearer {@code ADMIN_API_TOKEN}): {@code GET /admin/bots} lists them,
 * {@code POST /admin/bots} with {@code {"token": "..."}} checks a token with Telegram, keeps it encrypted and starts
 * its bot, {@code DELETE /admin/bots/{username}} drains and stops one bot alone. Each add and remove is in the audit
 * trail with the bot it concerned; a token is never logged, audited or echoed.
 */
@Configuration(proxyBeanMethods = false)
class BotsApi {

	private static final Logger log = LoggerFactory.getLogger(BotsApi.class);

	/** The body of {@code POST /admin/bots}. */
	record NewBot(String token) {

		@Override
		public String toString() {
			return "NewBot[token=(hidden)]";
		}
	}

	@Bean
	RouterFunction<ServerResponse> botRoutes(BotHost host, AuditLog audit) {
		return RouterFunctions.route()
			.GET("/admin/bots", request -> ServerResponse.ok().bodyValue(host.bots().stream().map(BotsApi::view).toList()))
			.POST("/admin/bots", request -> add(host, audit, request))
			.DELETE("/admin/bots/{username}", request -> remove(host, audit, request))
			.build();
	}

	private static Mono<ServerResponse> add(BotHost host, AuditLog audit, ServerRequest request) {
		if (!host.canAdd()) {
			return error(HttpStatus.SERVICE_UNAVAILABLE,
					"bots cannot be added while running without BOTS_TOKEN_KEY (32 random bytes, base64) to encrypt their tokens");
		}
		String actor = client(request);
		return request.bodyToMono(NewBot.class)
			.onErrorResume(error -> Mono.just(new NewBot(null)))
			.defaultIfEmpty(new NewBot(null))
			.flatMap(body -> {
				if (body.token() == null || body.token().isBlank()) {
					return error(HttpStatus.BAD_REQUEST, "the body must be {\"token\": \"<the bot's token from @BotFather>\"}");
				}
				return host.add(body.token(), "http:" + actor)
					.flatMap(bot -> audited(audit, actor, "bot.add", bot, AuditEvent.ALLOWED)
						.then(ServerResponse.status(HttpStatus.CREATED).bodyValue(view(bot))))
					.onErrorResume(error -> refusal(audit, actor, error));
			});
	}

	private static Mono<ServerResponse> refusal(AuditLog audit, String actor, Throwable error) {
		HttpStatus status;
		String message;
		if (error instanceof IllegalArgumentException) {
			status = HttpStatus.BAD_REQUEST;
			message = error.getMessage();
		}
		else if (error instanceof TelegramException telegram && telegram.isFatal()) {
			status = HttpStatus.UNPROCESSABLE_CONTENT;
			message = "Telegram refused the token: " + telegram.getMessage();
		}
		else if (error instanceof TelegramException telegram) {
			status = HttpStatus.BAD_GATEWAY;
			message = "Telegram could not be asked about the token: " + telegram.getMessage();
		}
		else if (error instanceof IllegalStateException) {
			status = HttpStatus.CONFLICT;
			message = error.getMessage();
		}
		else {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			message = "the bot could not be added: " + error.getClass().getSimpleName();
			log.error("Adding a bot failed", error);
		}
		return audit.append(new AuditEvent("http", actor, "bot.add", status.value() + " " + message, "failed"))
			.onErrorResume(ignored -> Mono.empty())
			.then(error(status, message));
	}

	private static Mono<ServerResponse> remove(BotHost host, AuditLog audit, ServerRequest request) {
		String username = request.pathVariable("username");
		String actor = client(request);
		return host.remove(username)
			.flatMap(bot -> audited(audit, actor, "bot.remove", bot, AuditEvent.ALLOWED)
				.then(ServerResponse.ok().bodyValue(view(bot))))
			.switchIfEmpty(Mono.defer(() -> error(HttpStatus.NOT_FOUND, "no bot @" + username + " is hosted here")));
	}

	private static Mono<Void> audited(AuditLog audit, String actor, String action, HostedBot bot, String result) {
		return audit.append(new AuditEvent("http", actor, action, "@" + bot.username() + " (" + bot.profile().id() + ")", result))
			.then()
			.onErrorResume(error -> {
				log.error("Could not audit {} of {}: {}", action, bot.profile(), error.toString());
				return Mono.empty();
			});
	}

	/** One bot as the admin API shows it; never its token. */
	static Map<String, Object> view(HostedBot bot) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("username", bot.username());
		view.put("id", bot.profile().id());
		view.put("state", bot.state().name().toLowerCase(Locale.ROOT));
		view.put("origin", bot.origin().name().toLowerCase(Locale.ROOT));
		view.put("mode", bot.webhook() != null ? "webhook" : "polling");
		view.put("problem", bot.problem());
		return view;
	}

	private static Mono<ServerResponse> error(HttpStatus status, String message) {
		return ServerResponse.status(status).bodyValue(Map.of("error", message));
	}

	private static String client(ServerRequest request) {
		InetSocketAddress remote = request.remoteAddress().orElse(null);
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}
}

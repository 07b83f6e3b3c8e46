package io.analytips.ops.admin;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.FootballCache;
import io.analytips.ops.logs.LogStream;
import io.analytips.store.AuditEvent;
import io.analytips.store.AuditLog;
import io.analytips.store.InboxRepository;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ch.qos.logback.classic.Level;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The admin HTTP API (bearer {@code ADMIN_API_TOKEN}, see {@link AdminApiSecurity}):
 * {@code GET /admin/status} (queue, intake, outbound, breaker, limiter, bulkhead, quota, cache,
 * inbox backlog, uptime, this replica's id and the live replicas), {@code GET /admin/breakers}, {@code DELETE /admin/cache}. Every request
 * to {@code /admin/**}, allowed or refused, is appended to the audit trail.
 */
@Configuration(proxyBeanMethods = false)
class AdminApi {

	private static final Logger log = LoggerFactory.getLogger(AdminApi.class);

	/** Live log streams at once; each holds at most {@link #LOG_STREAM_BUFFER} lines for its client. */
	static final int LOG_STREAM_CLIENTS = 10;

	static final int LOG_STREAM_BUFFER = 1000;

	@Bean(destroyMethod = "destroy")
	LogStream logStream() {
		return new LogStream(LOG_STREAM_BUFFER, LOG_STREAM_CLIENTS);
	}

	@Bean
	RouterFunction<ServerResponse> adminRoutes(StatusReport status, ResilientApiFootball api, FootballCache cache,
			InboxRepository inbox, LogStream logs, Clock clock) {
		return RouterFunctions.route()
			.GET("/admin/status", request -> inbox.backlog().onErrorReturn(-1L).flatMap(backlog -> status
				.snapshotWithReplicas(clock.instant())
				.flatMap(snapshot -> {
					Map<String, Object> body = new LinkedHashMap<>(snapshot);
					body.put("inboxBacklog", backlog); // -1: the database could not be read
					return ServerResponse.ok().bodyValue(body);
				})))
			.GET("/admin/breakers", request -> ServerResponse.ok()
				.bodyValue(api.breakerRegistry().getAllCircuitBreakers().stream().map(AdminApi::breaker).toList()))
			.DELETE("/admin/cache", request -> cache.clear()
				.flatMap(removed -> ServerResponse.ok().bodyValue(Map.of("removedRows", removed))))
			.GET("/admin/logs/stream", request -> logStream(logs, request))
			.build();
	}

	/**
	 * {@code GET /admin/logs/stream?level=WARN&logger=io.analytips.football&user=123&outcome=failed&bot=alpha_bot}:
	 * Server-Sent Events, one {@code log} event per line, a comment every 15 s so proxies keep the
	 * connection; a client that falls behind gets a final {@code dropped} event and the stream ends.
	 * {@code outcome} keeps the access lines of updates that ended so; {@code bot} the lines of one bot's updates.
	 */
	private static Mono<ServerResponse> logStream(LogStream logs, ServerRequest request) {
		String level = request.queryParam("level").orElse(null);
		if (level != null && Level.toLevel(level, null) == null) {
			return ServerResponse.badRequest().bodyValue(Map.of("error", "level must be TRACE, DEBUG, INFO, WARN or ERROR"));
		}
		String outcome = request.queryParam("outcome").orElse(null);
		if (outcome != null && !LogStream.isOutcome(outcome)) {
			return ServerResponse.badRequest()
				.bodyValue(Map.of("error", "outcome must be one of " + String.join(", ", LogStream.outcomes())));
		}
		if (logs.clients() >= LOG_STREAM_CLIENTS) {
			return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
				.bodyValue(Map.of("error", "at most " + LOG_STREAM_CLIENTS + " log streams at once"));
		}
		Flux<ServerSentEvent<Object>> lines = logs.lines(level, request.queryParam("logger").orElse(null),
				request.queryParam("user").orElse(null), outcome, request.queryParam("bot").orElse(null))
			.map(line -> ServerSentEvent.<Object>builder(line).event("log").build())
			.onErrorResume(error -> Flux.just(ServerSentEvent.<Object>builder(Map.of("reason", String.valueOf(error.getMessage())))
				.event("dropped").build()));
		Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(Duration.ofSeconds(15))
			.map(tick -> ServerSentEvent.<Object>builder().comment("keep-alive").build());
		// An opening comment sends the headers at once: the client knows it is connected before the first line.
		ServerSentEvent<Object> opened = ServerSentEvent.<Object>builder().comment("analytips log stream").build();
		Flux<ServerSentEvent<Object>> shared = lines.share();
		return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
			.body(Flux.concat(Flux.just(opened), Flux.merge(shared, heartbeats.takeUntilOther(shared.ignoreElements()))),
					ServerSentEvent.class);
	}

	private static Map<String, Object> breaker(CircuitBreaker breaker) {
		CircuitBreaker.Metrics metrics = breaker.getMetrics();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", breaker.getName());
		view.put("state", breaker.getState().name().toLowerCase(Locale.ROOT));
		view.put("failureRatePercent", Math.max(0, metrics.getFailureRate()));
		view.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
		view.put("failedCalls", metrics.getNumberOfFailedCalls());
		view.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
		return view;
	}

	/**
	 * Audits {@code /admin/**} when the answer is about to leave, so the record says whether it was
	 * allowed (2xx, or an error inside) or refused (401/403). Ahead of the security filters, so
	 * refusals are seen too. A failed audit write is logged and does not change the answer.
	 */
	@Bean
	@Order(-200)
	WebFilter adminAudit(AuditLog audit) {
		return (exchange, chain) -> {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			if (!path.startsWith("/admin/")) {
				return chain.filter(exchange);
			}
			exchange.getResponse().beforeCommit(() -> {
				HttpStatus status = HttpStatus.resolve(exchange.getResponse().getStatusCode() == null ? 200
						: exchange.getResponse().getStatusCode().value());
				boolean refused = status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN;
				String action = exchange.getRequest().getMethod().name() + " " + path;
				return audit.append(AuditEvent.http(client(exchange), action, exchange.getRequest().getURI().getRawQuery(), !refused))
					.then()
					.onErrorResume(error -> {
						log.error("Could not audit {} by {}: {}", action, client(exchange), error.toString());
						return Mono.empty();
					});
			});
			return chain.filter(exchange);
		};
	}

	private static String client(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}
}

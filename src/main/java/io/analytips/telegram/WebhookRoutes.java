package io.analytips.telegram;

import java.net.InetSocketAddress;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The webhook endpoint: the secret is checked before the body is read; nothing is stored on a mismatch. */
public final class WebhookRoutes {

	private WebhookRoutes() {
	}

	public static RouterFunction<ServerResponse> of(WebhookSource source) {
		return of(source, WebhookAccess.open());
	}

	/**
	 * The endpoint, refusing sources outside {@code access} (403), then a wrong secret (401), then a
	 * body over the limit (413), all before anything is stored.
	 */
	public static RouterFunction<ServerResponse> of(WebhookSource source, WebhookAccess access) {
		return of(bot -> bot == null ? source : null, access);
	}

	/**
	 * The endpoints of several bots: {@code POST /telegram/webhook/{bot}} for each (by username, any case), and
	 * {@code POST /telegram/webhook} for the deployment's first. {@code sources} answers the webhook source of a
	 * username (null: the first bot's), or null for a bot that is not hosted here or not by webhook (404, before
	 * anything is read).
	 */
	public static RouterFunction<ServerResponse> of(Function<String, WebhookSource> sources, WebhookAccess access) {
		long maxBytes = access.maxBody().toBytes();
		Predicate<InetSocketAddress> allowed = access.filter();
		HandlerFunction<ServerResponse> receive = request -> {
			if (!allowed.test(request.remoteAddress().orElse(null))) {
				return ServerResponse.status(HttpStatus.FORBIDDEN).build();
			}
			WebhookSource source = sources.apply(request.pathVariables().get("bot"));
			if (source == null) {
				return ServerResponse.notFound().build();
			}
			if (!source.authorized(request.headers().firstHeader(WebhookSource.SECRET_HEADER))) {
				return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
			}
			if (request.headers().contentLength().orElse(0) > maxBytes) {
				return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
			}
			return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) Math.min(Integer.MAX_VALUE, maxBytes))
				.map(buffer -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return bytes;
				})
				.defaultIfEmpty(new byte[0])
				.flatMap(source::receive)
				.flatMap(reception -> ServerResponse.status(reception.status()).build())
				.switchIfEmpty(Mono.defer(() -> ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build()))
				.onErrorResume(DataBufferLimitException.class,
						tooLarge -> ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build());
		};
		return RouterFunctions.route()
			.POST(WebhookSource.PATH, receive)
			.POST(WebhookSource.PATH + "/{bot}", receive)
			.build();
	}
}

package io.analytips.telegram;

import java.net.InetSocketAddress;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyExtractors;
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
		long maxBytes = access.maxBody().toBytes();
		Predicate<InetSocketAddress> allowed = access.filter();
		return RouterFunctions.route().POST(WebhookSource.PATH, request -> {
			if (!allowed.test(request.remoteAddress().orElse(null))) {
				return ServerResponse.status(HttpStatus.FORBIDDEN).build();
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
		}).build();
	}
}

package io.analytips.telegram;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/** The webhook endpoint: the secret is checked before the body is read; nothing is stored on a mismatch. */
public final class WebhookRoutes {

	private WebhookRoutes() {
	}

	public static RouterFunction<ServerResponse> of(WebhookSource source) {
		return RouterFunctions.route().POST(WebhookSource.PATH, request -> {
			if (!source.authorized(request.headers().firstHeader(WebhookSource.SECRET_HEADER))) {
				return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
			}
			return request.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.flatMap(source::receive)
				.flatMap(reception -> ServerResponse.status(reception.status()).build())
				.switchIfEmpty(Mono.defer(() -> ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build()));
		}).build();
	}
}

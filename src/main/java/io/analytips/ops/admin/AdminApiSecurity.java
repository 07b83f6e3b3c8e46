package io.analytips.ops.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * Who may use the admin HTTP API: a request carrying {@code Authorization: Bearer <ADMIN_API_TOKEN>}
 * (compared in constant time) is the admin; {@code /admin/**} answers 401 to anyone else, and to
 * everyone when no token is configured. The same token unlocks the health details. Everything else
 * (the webhook, health status, metrics) stays open, with security headers on every response.
 * Stateless: no session, no cookie, so no CSRF to defend.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class AdminApiSecurity {

	static final String ROLE = "ADMIN";

	@Bean
	ReactiveAuthenticationManager adminTokenAuthentication(AdminProperties admins) {
		byte[] expected = sha256(admins.apiToken());
		return authentication -> {
			String given = String.valueOf(authentication.getCredentials());
			// Digests first: equal lengths, so the comparison time says nothing about the token's length.
			if (admins.apiEnabled() && MessageDigest.isEqual(sha256(given), expected)) {
				return Mono.just(UsernamePasswordAuthenticationToken.authenticated("admin-api", null,
						List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			}
			return Mono.error(new BadCredentialsException("invalid admin API token"));
		};
	}

	@Bean
	SecurityWebFilterChain adminApiFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager tokens,
			AdminProperties admins) {
		ServerAuthenticationEntryPoint unauthorized = unauthorized(admins);
		AuthenticationWebFilter bearer = new AuthenticationWebFilter(tokens);
		bearer.setServerAuthenticationConverter(exchange -> Mono
			.justOrEmpty(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
			.filter(header -> header.regionMatches(true, 0, "Bearer ", 0, 7))
			.map(header -> UsernamePasswordAuthenticationToken.unauthenticated("admin-api", header.substring(7).strip())));
		bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
		bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/admin/**").hasRole(ROLE).anyExchange().permitAll())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	/** 401 with a reason a person can act on, and no detail an attacker could use. */
	private static ServerAuthenticationEntryPoint unauthorized(AdminProperties admins) {
		String body = admins.apiEnabled() ? "{\"error\":\"unauthorized\",\"message\":\"a valid bearer token is required\"}"
				: "{\"error\":\"unauthorized\",\"message\":\"the admin API is disabled: set ADMIN_API_TOKEN\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return (exchange, error) -> {
			exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"analytips\"");
			exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return exchange.getResponse().writeWith(Mono.fromSupplier(() -> exchange.getResponse().bufferFactory().wrap(bytes)));
		};
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}
}

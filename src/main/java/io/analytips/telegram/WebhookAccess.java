package io.analytips.telegram;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Who may call the webhook and how much they may send ({@code analytips.webhook.*}).
 *
 * @param allowedSources {@code TELEGRAM_WEBHOOK_ALLOWED_SOURCES}: CIDR ranges the webhook accepts
 * calls from; {@code telegram} stands for the ranges Telegram publishes for webhooks; empty (the
 * default) accepts any source, the secret token being the check. Behind a proxy, set
 * {@code server.forward-headers-strategy} so the client's address is the one seen here.
 * @param maxBody the largest update accepted (Telegram's are a few KB); larger bodies get 413
 */
@ConfigurationProperties("analytips.webhook")
public record WebhookAccess(List<String> allowedSources, DataSize maxBody) {

	/** https://core.telegram.org/bots/webhooks: the ranges Telegram's webhook calls come from. */
	static final List<String> TELEGRAM_RANGES = List.of("149.154.160.0/20", "91.108.4.0/22");

	public WebhookAccess {
		List<String> sources = new ArrayList<>();
		for (String source : allowedSources == null ? List.<String>of() : allowedSources) {
			if (source.isBlank()) {
				continue;
			}
			if (source.strip().equalsIgnoreCase("telegram")) {
				sources.addAll(TELEGRAM_RANGES);
			}
			else {
				try {
					IpRange.parse(source);
				}
				catch (IllegalArgumentException bad) {
					throw new IllegalArgumentException("TELEGRAM_WEBHOOK_ALLOWED_SOURCES must be CIDR ranges like"
							+ " 149.154.160.0/20, or telegram (" + bad.getMessage() + ")", bad);
				}
				sources.add(source.strip());
			}
		}
		allowedSources = List.copyOf(sources);
		maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
	}

	/** Any source, 1 MB. */
	public static WebhookAccess open() {
		return new WebhookAccess(List.of(), null);
	}

	/** Whether a call from {@code remote} may be read; unknown sources are refused once a list is set. */
	public boolean allows(InetSocketAddress remote) {
		return filter().test(remote);
	}

	/** {@link #allows} with the ranges parsed once, for the endpoint. */
	Predicate<InetSocketAddress> filter() {
		if (allowedSources.isEmpty()) {
			return remote -> true;
		}
		List<IpRange> ranges = allowedSources.stream().map(IpRange::parse).toList();
		return remote -> remote != null && remote.getAddress() != null
				&& ranges.stream().anyMatch(range -> range.contains(remote.getAddress()));
	}
}

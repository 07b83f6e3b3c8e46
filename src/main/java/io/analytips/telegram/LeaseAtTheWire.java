package io.analytips.telegram;

import java.time.Duration;

import io.analytips.replica.Lease;
import io.analytips.replica.LeaseLapsedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The last look at a message's lease ({@link Lease} in the Reactor context of the call): the request's body is given
 * only while the lease is valid, at the moment Reactor Netty asks for it with a connection ready, so a message of a
 * lapsed lease is held back whole ({@link LeaseLapsedException}, nothing written). The time from that look to the
 * request written is reported to {@link TelegramCalls#leaseToWire}: the window a lease can still run out in.
 */
final class LeaseAtTheWire {

	private final TelegramCalls calls;

	LeaseAtTheWire(TelegramCalls calls) {
		this.calls = calls;
	}

	/** When a message's lease was last found valid. */
	static final class Check {

		volatile long at;
	}

	/** A place for the time of the lease's last look when {@code context} has a lease, else null. */
	static Check checkFor(ContextView context) {
		return context.hasKey(Lease.KEY) ? new Check() : null;
	}

	/**
	 * {@code json} as the body, once the lease in {@code context} (if any) is found valid; the time of that look goes
	 * to {@code check} ({@link #checkFor}).
	 */
	static Mono<ByteBuf> body(ContextView context, Check check, byte[] json) {
		Lease lease = context.getOrDefault(Lease.KEY, null);
		return Mono.fromSupplier(() -> {
			if (lease != null) {
				if (!lease.valid()) {
					throw new LeaseLapsedException();
				}
				if (check != null) {
					check.at = System.nanoTime();
				}
			}
			return Unpooled.wrappedBuffer(json);
		});
	}

	/**
	 * The context of a call with its {@code check} added (one entry: writing a copy of the whole context back would
	 * put each of its entries again, a new context each).
	 */
	static Context with(Context context, Check check) {
		return check == null ? context : context.put(Check.class, check);
	}

	/** Empty while the lease in {@code context} (if any) is valid, else a {@link LeaseLapsedException}. */
	static Mono<Void> valid(ContextView context) {
		Lease lease = context.getOrDefault(Lease.KEY, null);
		return lease == null || lease.valid() ? Mono.empty() : Mono.error(new LeaseLapsedException());
	}

	/** After a request was written: reports how long after its lease's last look. */
	void written(HttpClientRequest request) {
		Check check = request.currentContextView().getOrDefault(Check.class, null);
		if (check != null && check.at != 0) {
			calls.leaseToWire(Duration.ofNanos(System.nanoTime() - check.at));
		}
	}
}

package io.analytips.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; its views in other zones ({@link #withZone}) move with it. */
public final class MutableClock extends Clock {

	private volatile Instant now = Instant.parse("2026-11-23T12:00:00Z");

	private final MutableClock source;

	private final ZoneId zone;

	public MutableClock() {
		this.source = null;
		this.zone = ZoneOffset.UTC;
	}

	private MutableClock(MutableClock source, ZoneId zone) {
		this.source = source;
		this.zone = zone;
	}

	public void advance(Duration duration) {
		if (source != null) {
			source.advance(duration);
			return;
		}
		now = now.plus(duration);
	}

	@Override
	public Instant instant() {
		return source != null ? source.instant() : now;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return new MutableClock(source != null ? source : this, other);
	}
}

package io.analytips.ops.logs;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/** Wraps an appender's encoder (text or JSON alike) so that no bot token leaves in a log line. */
final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

	private final Encoder<ILoggingEvent> delegate;

	RedactingEncoder(Encoder<ILoggingEvent> delegate) {
		this.delegate = delegate;
	}

	Encoder<ILoggingEvent> delegate() {
		return delegate;
	}

	@Override
	public byte[] headerBytes() {
		return delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		byte[] encoded = delegate.encode(event);
		if (encoded == null) {
			return null;
		}
		String line = new String(encoded, StandardCharsets.UTF_8);
		String clean = TokenRedaction.redact(line);
		return clean == line ? encoded : clean.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] footerBytes() {
		return delegate.footerBytes();
	}

	@Override
	public void start() {
		if (!delegate.isStarted()) {
			delegate.start();
		}
		super.start();
	}
}

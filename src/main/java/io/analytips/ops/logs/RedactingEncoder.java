package io.analytips.ops.logs;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import io.analytips.pipeline.log.AccessLog;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Wraps an appender's encoder (text or JSON alike) so that no bot token leaves in a log line. When
 * the encoder is Spring Boot's JSON one and writes access lines as {@link AccessLineEncoder} does,
 * access lines take that shorter way (they hold ids and codes only: nothing to redact).
 */
final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

	private final Encoder<ILoggingEvent> delegate;

	/** The access lines' own encoder, once started, if the delegate writes them as it does; else null. */
	private volatile AccessLineEncoder accessLines;

	RedactingEncoder(Encoder<ILoggingEvent> delegate) {
		this.delegate = delegate;
	}

	Encoder<ILoggingEvent> delegate() {
		return delegate;
	}

	/** The access lines' own encoder, or null when they go through the delegate like any line. */
	AccessLineEncoder accessLines() {
		return accessLines;
	}

	@Override
	public byte[] headerBytes() {
		return delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		AccessLineEncoder fast = accessLines;
		if (fast != null && AccessLog.LOGGER.equals(event.getLoggerName())) {
			byte[] line = fast.encode(event);
			if (line != null) {
				return line;
			}
		}
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
		accessLines = delegate instanceof StructuredLogEncoder ? AccessLineEncoder.matching(delegate) : null;
		super.start();
	}
}

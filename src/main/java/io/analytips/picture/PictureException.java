package io.analytips.picture;

/** A picture that could not be drawn: {@link #reason()} is the tag it is counted under. */
public final class PictureException extends RuntimeException {

	private final String reason;

	PictureException(String reason, Throwable cause) {
		super("analysis picture not drawn (" + reason + "): " + cause, cause);
		this.reason = reason;
	}

	/** {@code timeout}, {@code queue-full} or {@code render}. */
	public String reason() {
		return reason;
	}
}

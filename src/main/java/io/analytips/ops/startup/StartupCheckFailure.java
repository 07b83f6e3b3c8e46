package io.analytips.ops.startup;

/**
 * Why a start-up check failed, in one line that names the setting to fix, e.g.
 * {@code TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized}.
 */
public final class StartupCheckFailure extends RuntimeException {

	private final boolean definite;

	private StartupCheckFailure(String line, boolean definite, Throwable cause) {
		super(line, cause, false, false);
		this.definite = definite;
	}

	/** The setting is wrong (rejected credentials, missing value): retrying will not help. */
	public static StartupCheckFailure invalid(String setting, String why) {
		return new StartupCheckFailure(setting + " is invalid: " + why, true, null);
	}

	/** The service could not be reached (yet): worth a few retries. */
	public static StartupCheckFailure unreachable(String setting, String why, Throwable cause) {
		return new StartupCheckFailure(setting + " is unreachable: " + why, false, cause);
	}

	public boolean definite() {
		return definite;
	}
}

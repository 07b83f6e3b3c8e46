package io.analytips.football.api;

/**
 * Observes API-Football calls (for metrics): each {@link ResilientApiFootball#fetch} as it ends,
 * by endpoint ({@code /fixtures}, {@code /odds}, …) and outcome ({@code ok}, {@code retryable}
 * when transient failures outlasted the retries, {@code rejected}, {@code quota},
 * {@code configuration}, {@code breaker_open}, {@code busy} when our own limits or the request's deadline
 * stopped it before an answer), and each retry. Must not block.
 */
public interface ApiFootballCalls {

	void ended(String endpoint, String outcome);

	void retried(String endpoint);

	/** Observes nothing. */
	ApiFootballCalls NONE = new ApiFootballCalls() {
		@Override
		public void ended(String endpoint, String outcome) {
		}

		@Override
		public void retried(String endpoint) {
		}
	};

	/** The outcome tag of a failure. */
	static String outcomeOf(Throwable error) {
		if (!(error instanceof ApiFootballException ex)) {
			return "retryable";
		}
		return switch (ex.kind()) {
			case CONFIGURATION -> "configuration";
			case QUOTA_EXHAUSTED -> "quota";
			case CIRCUIT_OPEN -> "breaker_open";
			case BUSY -> "busy";
			case BAD_REQUEST -> "rejected";
			default -> "retryable";
		};
	}
}

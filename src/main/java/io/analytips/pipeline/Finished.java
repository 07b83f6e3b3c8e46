package io.analytips.pipeline;

/** An outcome with an optional short reason (the error of a failure, what was invalid, whether a notice went out). */
record Finished(Outcome outcome, String detail) {

	static Finished of(Outcome outcome) {
		return new Finished(outcome, null);
	}
}

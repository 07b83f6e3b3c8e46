package io.analytips.pipeline.recovery;

import io.analytips.pipeline.Outcome;

/** An outcome with an optional short reason (the error of a failure, what was invalid, whether a notice went out). */
public record Finished(Outcome outcome, String detail) {

	public static Finished of(Outcome outcome) {
		return new Finished(outcome, null);
	}
}

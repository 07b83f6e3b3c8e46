package io.analytips.football.analysis;

import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueRuleTest {

	private static final ValueRule.TrackRecord RECORD = new ValueRule.TrackRecord("2019/20–2024/25", 1015,
			Optional.of(new ValueRule.Interval(-0.0232, -0.0301, -0.0161)), new ValueRule.Interval(0.0313, -0.0947, 0.1718));

	private static final ValueRule SUPPORTED = new ValueRule(true, 0.05, 0.10, Confidence.MEDIUM, Optional.of(RECORD));

	private static ValueBet bet(double edge, Confidence confidence) {
		return new ValueBet("1X2", "home", 2.0, 0.45, (1 + edge) / 2.0, edge, 0.01, confidence);
	}

	@Test
	void aSupportedRuleCallsValueOnlyBetweenItsEdgesAndFromItsConfidence() {
		assertThat(SUPPORTED.judge(bet(0.07, Confidence.MEDIUM))).isEqualTo(ValueRule.Verdict.VALUE);
		assertThat(SUPPORTED.judge(bet(0.10, Confidence.HIGH))).isEqualTo(ValueRule.Verdict.VALUE);
		assertThat(SUPPORTED.judge(bet(0.05, Confidence.HIGH))).isEqualTo(ValueRule.Verdict.NONE);
		assertThat(SUPPORTED.judge(bet(0.07, Confidence.LOW))).isEqualTo(ValueRule.Verdict.NONE);
		assertThat(SUPPORTED.judge(bet(-0.20, Confidence.HIGH))).isEqualTo(ValueRule.Verdict.NONE);
	}

	@Test
	void anEdgeAboveTheCapIsADisagreementWhateverTheConfidence() {
		for (Confidence confidence : Confidence.values()) {
			assertThat(SUPPORTED.judge(bet(0.34, confidence))).isEqualTo(ValueRule.Verdict.DISAGREEMENT);
		}
	}

	@Test
	void anUnsupportedRuleNeverCallsValueButStillCautions() {
		ValueRule unsupported = new ValueRule(false, 0.05, 0.10, Confidence.MEDIUM, Optional.of(RECORD));

		assertThat(unsupported.judge(bet(0.07, Confidence.HIGH))).isEqualTo(ValueRule.Verdict.NONE);
		assertThat(unsupported.judge(bet(0.34, Confidence.HIGH))).isEqualTo(ValueRule.Verdict.DISAGREEMENT);
	}

	@Test
	void aLeagueWithoutABacktestGetsARuleThatFlagsNothingAndClaimsNoRecord() {
		ValueRule untested = ValueRule.untested(0.10);

		assertThat(untested.trackRecord()).isEmpty();
		assertThat(untested.supported()).isFalse();
		for (Confidence confidence : Confidence.values()) {
			assertThat(untested.judge(bet(0.07, confidence))).isEqualTo(ValueRule.Verdict.NONE);
			assertThat(untested.judge(bet(0.34, confidence))).isEqualTo(ValueRule.Verdict.DISAGREEMENT);
		}
	}

	@Test
	void readsBackWhatItWrites() {
		assertThat(ValueRule.from(SUPPORTED.toProperties())).isEqualTo(SUPPORTED);
	}

	@Test
	void aRuleWithoutATrackRecordWritesNoRecordKeysAndReadsBackWithout() {
		ValueRule untested = ValueRule.untested(0.10);

		assertThat(untested.toProperties().stringPropertyNames()).noneMatch(key -> key.startsWith("record."));
		assertThat(ValueRule.from(untested.toProperties())).isEqualTo(untested);
		assertThat(ValueRule.candidate(0.05, 0.10, Confidence.HIGH).trackRecord()).isEmpty();
	}

	@Test
	void aRecordOfFlagsTakenAtTheCloseHasNoClosingLineValueAndWritesNone() {
		ValueRule atTheClose = new ValueRule(false, 0.05, 0.10, Confidence.HIGH, Optional.of(new ValueRule.TrackRecord(
				"2019–2024", 613, Optional.empty(), new ValueRule.Interval(-0.065, -0.19, 0.072))));

		assertThat(atTheClose.toProperties().stringPropertyNames()).contains("record.roi")
			.noneMatch(key -> key.startsWith("record.clv"));
		assertThat(ValueRule.from(atTheClose.toProperties())).isEqualTo(atTheClose);
	}

	@Test
	void aMissingOrMalformedKeyIsNamed() {
		Properties missing = SUPPORTED.toProperties();
		missing.remove("max-edge");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueRule.from(missing)).withMessageContaining("max-edge");
		Properties malformed = SUPPORTED.toProperties();
		malformed.setProperty("record.clv.low", "minus two");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueRule.from(malformed))
			.withMessageContaining("record.clv.low");
		Properties halfAnInterval = SUPPORTED.toProperties();
		halfAnInterval.remove("record.clv.high");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueRule.from(halfAnInterval))
			.withMessageContaining("record.clv.high");
		Properties partial = SUPPORTED.toProperties();
		partial.remove("record.seasons");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueRule.from(partial))
			.withMessageContaining("record.seasons");
		Properties confidence = SUPPORTED.toProperties();
		confidence.setProperty("min-confidence", "certain");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueRule.from(confidence))
			.withMessageContaining("min-confidence");
	}

	@Test
	void rejectsACapNotAboveTheMinimumAndAnIntervalThatMissesItsMean() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ValueRule(true, 0.10, 0.10, Confidence.MEDIUM, Optional.of(RECORD)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ValueRule.Interval(0.05, 0.06, 0.08));
		assertThat(new ValueRule.Interval(0.01, 0.001, 0.02).aboveZero()).isTrue();
		assertThat(new ValueRule.Interval(0.01, 0, 0.02).aboveZero()).isFalse();
	}
}

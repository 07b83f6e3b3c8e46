package io.analytips.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReliabilityTest {

	@Test
	void theCalibrationErrorIsTheCountWeightedMeanGapBetweenEachBinsForecastAndFrequency() {
		Reliability reliability = new Reliability();
		// bin [0.1, 0.2): mean forecast 0.15, observed 1/2 → gap 0.35 on 2 forecasts
		reliability.add(0.15, true);
		reliability.add(0.15, false);
		// bin [0.5, 0.6): mean forecast 0.565, observed 1 → gap 0.435 on 2
		reliability.add(0.55, true);
		reliability.add(0.58, true);
		// bin [0.9, 1]: a forecast of 1 falls in the last bin; forecast 1, observed 1 → gap 0
		reliability.add(1.0, true);

		// (2 · 0.35 + 2 · 0.435 + 1 · 0) / 5 = 0.314
		assertThat(reliability.calibrationError()).isCloseTo(0.314, within(1e-12));
		assertThat(reliability.bins()).extracting(Reliability.Bin::index).containsExactly(1, 5, 9);
		Reliability.Point middle = reliability.bins().get(1).point();
		assertThat(middle.count()).isEqualTo(2);
		assertThat(middle.forecast()).isCloseTo(0.565, within(1e-12));
		assertThat(middle.observed()).isEqualTo(1.0);
	}

	@Test
	void aCalibratedForecasterHasNoCalibrationErrorAndAnEmptyOneNone() {
		Reliability reliability = new Reliability();
		reliability.add(0.25, true);
		reliability.add(0.25, false);
		reliability.add(0.25, false);
		reliability.add(0.25, false);

		assertThat(reliability.calibrationError()).isCloseTo(0, within(1e-12));
		assertThat(new Reliability().calibrationError()).isZero();
		assertThat(new Reliability().bins()).isEmpty();
	}
}

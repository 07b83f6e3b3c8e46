package io.analytips.backtest;

import io.analytips.football.analysis.ScoringRules;

/**
 * A column of the backtest's table: one scoring rule applied to one market's forecast of one match. Lower is
 * better for every one. A forecaster without a forecast for the market (NaN) scores NaN.
 */
enum Score {

	ONE_X_TWO_RPS("1X2 RPS") {
		@Override
		double of(Forecaster f, Prediction p) {
			return ScoringRules.rps(f.oneXTwo(p), p.outcome());
		}
	},
	ONE_X_TWO_LOG_LOSS("1X2 log loss") {
		@Override
		double of(Forecaster f, Prediction p) {
			return ScoringRules.logLoss(f.oneXTwo(p), p.outcome());
		}
	},
	ONE_X_TWO_BRIER("1X2 Brier") {
		@Override
		double of(Forecaster f, Prediction p) {
			return ScoringRules.brier(f.oneXTwo(p), p.outcome());
		}
	},
	OVER_UNDER_BRIER("O/U 2.5 Brier") {
		@Override
		double of(Forecaster f, Prediction p) {
			return ScoringRules.brier(f.over25(p), p.over25());
		}
	},
	OVER_UNDER_LOG_LOSS("O/U 2.5 log loss") {
		@Override
		double of(Forecaster f, Prediction p) {
			return ScoringRules.logLoss(f.over25(p), p.over25());
		}
	},
	BTTS_BRIER("BTTS Brier") {
		@Override
		double of(Forecaster f, Prediction p) {
			return ScoringRules.brier(f.btts(p), p.btts());
		}
	},
	BTTS_LOG_LOSS("BTTS log loss") {
		@Override
		double of(Forecaster f, Prediction p) {
			return ScoringRules.logLoss(f.btts(p), p.btts());
		}
	};

	final String label;

	Score(String label) {
		this.label = label;
	}

	/** The forecaster's score on the match, NaN when it has no forecast for this market. */
	abstract double of(Forecaster f, Prediction p);

	/** Whether this score is averaged over the over/under matches (those with closing totals prices, if any). */
	boolean overUnder() {
		return this == OVER_UNDER_BRIER || this == OVER_UNDER_LOG_LOSS;
	}
}

package io.analytips.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Reliability diagrams of the backtest's forecasts as PNG files, drawn with XChart (headless). */
final class ReliabilityCharts {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 520;

	private static final String[] OUTCOMES = { "home", "draw", "away" };

	private static final Color[] COLOURS = { new Color(31, 119, 180), new Color(127, 127, 127), new Color(214, 39, 40) };

	private ReliabilityCharts() {
	}

	/**
	 * The model's home, draw and away forecasts (solid) and the closing line's (hollow), each against how
	 * often the outcome happened.
	 */
	static void oneXTwo(List<Prediction> predictions, String title, Path file) throws IOException {
		XYChart chart = chart(title + ": 1X2 reliability");
		for (int k = 0; k < 3; k++) {
			int outcome = k;
			Reliability model = new Reliability();
			Reliability closing = new Reliability();
			for (Prediction p : predictions) {
				model.add(p.model()[outcome], p.outcome() == outcome);
				closing.add(p.closing()[outcome], p.outcome() == outcome);
			}
			series(chart, String.format(Locale.ROOT, "model %s (ECE %.3f)", OUTCOMES[k], model.calibrationError()), model,
					COLOURS[k], true);
			series(chart, String.format(Locale.ROOT, "closing %s (ECE %.3f)", OUTCOMES[k], closing.calibrationError()),
					closing, COLOURS[k], false);
		}
		ChartEncoder.saveChart(chart, file.toString(), "png");
	}

	/** The model's P(over 2.5 goals) and, where the data has totals prices, the closing line's. */
	static void overUnder(List<Prediction> predictions, String title, Path file) throws IOException {
		XYChart chart = chart(title + ": over 2.5 goals reliability");
		Reliability model = new Reliability();
		Reliability closing = new Reliability();
		Predicate<Prediction> priced = p -> p.closingOver25() != null;
		for (Prediction p : predictions) {
			model.add(p.modelOver25(), p.over25());
			if (priced.test(p)) {
				closing.add(p.closingOver25(), p.over25());
			}
		}
		series(chart, String.format(Locale.ROOT, "model (ECE %.3f)", model.calibrationError()), model, COLOURS[0], true);
		if (!closing.points().isEmpty()) {
			series(chart, String.format(Locale.ROOT, "closing (ECE %.3f)", closing.calibrationError()), closing,
					COLOURS[2], false);
		}
		ChartEncoder.saveChart(chart, file.toString(), "png");
	}

	/**
	 * The flagged bets: the model's probability of each (solid) and the taken price's margin-free one (hollow)
	 * against how often such bets won. Points below the diagonal are flags the forecaster was too sure of.
	 */
	static void flags(List<Bet> flags, String title, Path file) throws IOException {
		XYChart chart = chart(title + ": reliability of the flagged bets");
		Reliability model = new Reliability();
		Reliability market = new Reliability();
		for (Bet bet : flags) {
			model.add(bet.bet().modelProbability(), bet.won());
			market.add(bet.bet().fairProbability(), bet.won());
		}
		series(chart, String.format(Locale.ROOT, "model, %d flags (ECE %.3f)", flags.size(), model.calibrationError()),
				model, COLOURS[0], true);
		series(chart, String.format(Locale.ROOT, "taken price, same bets (ECE %.3f)", market.calibrationError()), market,
				COLOURS[2], false);
		ChartEncoder.saveChart(chart, file.toString(), "png");
	}

	private static XYChart chart(String title) {
		XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
			.title(title)
			.xAxisTitle("forecast probability (bin mean)")
			.yAxisTitle("observed frequency")
			.build();
		chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
		chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE);
		chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
		chart.getStyler().setDecimalPattern("0.0");
		XYSeries diagonal = chart.addSeries("perfect calibration", new double[] { 0, 1 }, new double[] { 0, 1 });
		diagonal.setMarker(SeriesMarkers.NONE);
		diagonal.setLineColor(Color.LIGHT_GRAY);
		diagonal.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 4f }, 0f));
		return chart;
	}

	private static void series(XYChart chart, String name, Reliability reliability, Color colour, boolean solid) {
		List<Reliability.Point> points = reliability.points();
		if (points.isEmpty()) {
			return;
		}
		double[] x = points.stream().mapToDouble(Reliability.Point::forecast).toArray();
		double[] y = points.stream().mapToDouble(Reliability.Point::observed).toArray();
		XYSeries series = chart.addSeries(name, x, y);
		series.setMarker(solid ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
		series.setMarkerColor(solid ? colour : colour.brighter());
		series.setLineColor(colour);
		series.setLineStyle(solid ? new BasicStroke(1.5f)
				: new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 2f, 3f }, 0f));
	}
}

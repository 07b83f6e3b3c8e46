package io.analytips.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the backtest's predictions, one match a line, so they can be re-scored or plotted elsewhere. */
final class PredictionsCsv {

	static final String HEADER = "season,date,home,away,home_goals,away_goals,home_xg,away_xg,"
			+ "model_home,model_draw,model_away,closing_home,closing_draw,closing_away,"
			+ "freq_home,freq_draw,freq_away,model_over25,closing_over25,freq_over25,model_btts,freq_btts";

	private PredictionsCsv() {
	}

	static void write(List<Prediction> predictions, Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER);
			out.write('\n');
			for (Prediction p : predictions) {
				out.write(String.format(Locale.ROOT,
						"%d,%s,%s,%s,%d,%d,%.4f,%.4f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%s,%.6f,%.6f,%.6f%n",
						p.season(), p.date(), quoted(p.home()), quoted(p.away()), p.homeGoals(), p.awayGoals(), p.homeXg(),
						p.awayXg(), p.model()[0], p.model()[1], p.model()[2], p.closing()[0], p.closing()[1],
						p.closing()[2], p.frequencies()[0], p.frequencies()[1], p.frequencies()[2], p.modelOver25(),
						p.closingOver25() == null ? "" : String.format(Locale.ROOT, "%.6f", p.closingOver25()),
						p.frequencyOver25(), p.modelBtts(), p.frequencyBtts()));
			}
		}
	}

	/** Club names contain no commas or quotes today, but "Nott'm Forest" shows they are not plain words. */
	private static String quoted(String name) {
		return name.contains(",") || name.contains("\"") ? '"' + name.replace("\"", "\"\"") + '"' : name;
	}
}

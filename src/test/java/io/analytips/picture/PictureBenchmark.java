package io.analytips.picture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.analytips.football.AnalysisReport;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;

import static io.analytips.support.Samples.median;
import static io.analytips.support.Samples.percentile;

/**
 * Render time and size of the analysis picture: {@value #PICTURES} varied pictures (expected goals 0.4 to 2.8 a
 * side, with and without the market's prices, short and long team names, Portuguese and English words), drawn one
 * after another on one thread as the pool's threads draw them, after a warm-up run (JIT, fonts). Medians over
 * {@value #RUNS} runs go to {@code target/bench/picture.json}, and the last run's pictures' sizes.
 * Run with {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=PictureBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class PictureBenchmark {

	static final int PICTURES = 200;

	static final int RUNS = 5;

	private static final String[][] TEAMS = { { "Flamengo", "Palmeiras" }, { "Arsenal", "Chelsea" },
			{ "Atlético Mineiro", "Red Bull Bragantino" }, { "Wolverhampton Wanderers", "Brighton & Hove Albion" } };

	record Run(double p50Ms, double p99Ms, double maxMs, double bytesMedian, double bytesMax) {
	}

	@Test
	void measuresRenderTimeAndBytesPerPicture() throws IOException {
		PictureRenderer renderer = new PictureRenderer();
		List<AnalysisPicture> pictures = pictures(new Random(26));
		run(renderer, pictures); // warm-up
		List<Run> runs = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			runs.add(run(renderer, pictures));
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("pictures_per_run", PICTURES);
		report.put("width_px", PictureRenderer.WIDTH);
		report.put("height_px", PictureRenderer.HEIGHT);
		report.put("available_processors", Runtime.getRuntime().availableProcessors());
		report.put("render_p50_ms_median", median(runs.stream().mapToDouble(Run::p50Ms).toArray()));
		report.put("render_p99_ms_median", median(runs.stream().mapToDouble(Run::p99Ms).toArray()));
		report.put("render_max_ms_median", median(runs.stream().mapToDouble(Run::maxMs).toArray()));
		report.put("bytes_median", median(runs.stream().mapToDouble(Run::bytesMedian).toArray()));
		report.put("bytes_max", runs.stream().mapToDouble(Run::bytesMax).max().orElseThrow());
		report.put("runs", runs);
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("picture.json"), TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("BENCH " + TelegramJson.mapper().writeValueAsString(report));
	}

	private static Run run(PictureRenderer renderer, List<AnalysisPicture> pictures) {
		double[] millis = new double[pictures.size()];
		double[] bytes = new double[pictures.size()];
		for (int i = 0; i < pictures.size(); i++) {
			long start = System.nanoTime();
			byte[] png = renderer.render(pictures.get(i));
			millis[i] = (System.nanoTime() - start) / 1e6;
			bytes[i] = png.length;
		}
		return new Run(percentile(millis, 50), percentile(millis, 99), percentile(millis, 100), percentile(bytes, 50),
				percentile(bytes, 100));
	}

	private static List<AnalysisPicture> pictures(Random random) {
		List<AnalysisPicture> pictures = new ArrayList<>();
		for (int i = 0; i < PICTURES; i++) {
			boolean priced = random.nextBoolean();
			AnalysisReport report = PictureSamples.report(1000 + i, 0.4 + 2.4 * random.nextDouble(), 0.4 + 2.4 * random.nextDouble(),
					priced);
			PictureLabels sample = PictureSamples.labels(priced, report);
			String[] teams = TEAMS[i % TEAMS.length];
			boolean english = i % 2 == 0;
			PictureLabels labels = new PictureLabels(teams[0], teams[1], english ? "Premier League" : sample.league(),
					sample.kickoff(), english ? "Result (1X2)" : sample.resultTitle(), sample.model(), sample.market(),
					english ? "Draw" : sample.draw(), sample.noMarket(), sample.modelPercents(), sample.marketPercents(),
					sample.goalsTitle(), sample.overUnder(), sample.scoresTitle(), "Rows: " + teams[0] + " • columns: " + teams[1],
					sample.footer());
			pictures.add(AnalysisPicture.of(report, labels));
		}
		return pictures;
	}
}

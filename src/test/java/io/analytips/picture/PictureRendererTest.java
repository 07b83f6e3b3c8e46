package io.analytips.picture;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import io.analytips.football.analysis.ScoreProbability;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static io.analytips.picture.PictureRenderer.GOALS_BASE;
import static io.analytips.picture.PictureRenderer.GOALS_SCALE;
import static io.analytips.picture.PictureRenderer.RESULT_BASE;
import static io.analytips.picture.PictureRenderer.RESULT_SCALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The golden picture: the numbers are read back from its pixels (each bar's height, the heat map's hottest cell), so
 * the picture says what the analysis says, whatever the drawing's details.
 */
class PictureRendererTest {

	private final PictureRenderer renderer = new PictureRenderer();

	@Test
	void drawsTheModelBesideTheMarketAsBarsAsTallAsTheirChances() throws IOException {
		AnalysisPicture picture = PictureSamples.picture(true);
		BufferedImage image = image(renderer.render(picture));
		List<Integer> model = bars(image, PictureRenderer.MODEL, RESULT_BASE);
		List<Integer> market = bars(image, PictureRenderer.MARKET, RESULT_BASE);
		assertThat(model).hasSize(3);
		assertThat(market).hasSize(3);
		for (int k = 0; k < 3; k++) {
			assertThat(model.get(k) / (double) RESULT_SCALE).as("model %d", k).isCloseTo(picture.model().get(k), within(1.0 / RESULT_SCALE));
			assertThat(market.get(k) / (double) RESULT_SCALE).as("market %d", k)
				.isCloseTo(PictureSamples.MARKET[k], within(1.0 / RESULT_SCALE));
		}
	}

	@Test
	void withoutPricesOnlyTheModelIsDrawn() throws IOException {
		AnalysisPicture picture = PictureSamples.picture(false);
		BufferedImage image = image(renderer.render(picture));
		assertThat(bars(image, PictureRenderer.MODEL, RESULT_BASE)).hasSize(3);
		assertThat(bars(image, PictureRenderer.MARKET, RESULT_BASE)).isEmpty();
	}

	@Test
	void drawsTheGoalsAgainstTheLikeliestTotalUnderOnOneSideOfTheDashedLineOverOnTheOther() throws IOException {
		AnalysisPicture picture = PictureSamples.picture(true);
		BufferedImage image = image(renderer.render(picture));
		List<Integer> under = bars(image, PictureRenderer.UNDER, GOALS_BASE);
		List<Integer> over = bars(image, PictureRenderer.OVER, GOALS_BASE);
		assertThat(under).hasSize(3);
		assertThat(over).hasSize(4);
		List<Integer> heights = new ArrayList<>(under);
		heights.addAll(over);
		double top = picture.totals().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		for (int k = 0; k < AnalysisPicture.TOTALS; k++) {
			assertThat(heights.get(k) / (double) GOALS_SCALE).as("%d goals", k)
				.isCloseTo(picture.totals().get(k) / top, within(1.0 / GOALS_SCALE));
		}
		assertThat(picture.totals().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
		// the line: between the last under bar and the first over bar, in dashes
		int line = 30 + (720 - 60) / AnalysisPicture.TOTALS * 3;
		long dashes = java.util.stream.IntStream.range(GOALS_BASE - GOALS_SCALE, GOALS_BASE)
			.filter(y -> new Color(image.getRGB(line, y)).equals(PictureRenderer.TEXT))
			.count();
		assertThat(dashes).isBetween(GOALS_SCALE / 3L, GOALS_SCALE * 2L / 3);
	}

	@Test
	void theHeatMapsHottestCellIsTheLikeliestScore() throws IOException {
		AnalysisPicture picture = PictureSamples.picture(true);
		BufferedImage image = image(renderer.render(picture));
		int hottestHome = -1;
		int hottestAway = -1;
		double brightest = -1;
		for (int home = 0; home <= AnalysisPicture.GRID; home++) {
			for (int away = 0; away <= AnalysisPicture.GRID; away++) {
				Color cell = new Color(image.getRGB(PictureRenderer.GRID_X + away * PictureRenderer.CELL_W + 3,
						PictureRenderer.GRID_Y + 30 + home * PictureRenderer.CELL_H + 3));
				double brightness = 0.2126 * cell.getRed() + 0.7152 * cell.getGreen() + 0.0722 * cell.getBlue();
				if (brightness > brightest) {
					brightest = brightness;
					hottestHome = home;
					hottestAway = away;
				}
			}
		}
		ScoreProbability likeliest = picture.likeliest().get(0);
		assertThat(hottestHome + "-" + hottestAway).isEqualTo(likeliest.home() + "-" + likeliest.away());
		assertThat(picture.score(likeliest.home(), likeliest.away())).isEqualTo(likeliest.probability());
	}

	@Test
	void isAPngOf720By1080OfAFewTensOfKilobytes() throws IOException {
		byte[] png = renderer.render(PictureSamples.picture(true));
		BufferedImage image = image(png);
		assertThat(image.getWidth()).isEqualTo(720);
		assertThat(image.getHeight()).isEqualTo(1080);
		assertThat(png.length).isBetween(20_000, 200_000);
		assertThat(new Color(image.getRGB(5, 5))).as("the dark background").isEqualTo(PictureRenderer.BACKGROUND);
	}

	@Test
	void refusesToDrawOnANonBlockingThread() {
		AnalysisPicture picture = PictureSamples.picture(true);
		StepVerifier.create(Mono.fromCallable(() -> renderer.render(picture)).subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("off the event loop"))
			.verify();
	}

	/** The heights of the bars of {@code colour} standing on {@code base}, left to right, read from the pixels. */
	static List<Integer> bars(BufferedImage image, Color colour, int base) {
		List<Integer> heights = new ArrayList<>();
		int rgb = colour.getRGB();
		int x = 0;
		while (x < image.getWidth()) {
			if (image.getRGB(x, base - 1) != rgb) {
				x++;
				continue;
			}
			int start = x;
			while (x < image.getWidth() && image.getRGB(x, base - 1) == rgb) {
				x++;
			}
			int centre = (start + x) / 2;
			int height = 0;
			while (base - 1 - height >= 0 && image.getRGB(centre, base - 1 - height) == rgb) {
				height++;
			}
			heights.add(height);
		}
		return heights;
	}

	static BufferedImage image(byte[] png) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(png));
	}
}

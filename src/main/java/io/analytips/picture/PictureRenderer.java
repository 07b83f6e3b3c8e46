package io.analytips.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import io.analytips.football.analysis.ScoreProbability;
import reactor.core.scheduler.Schedulers;

/**
 * Draws an {@link AnalysisPicture} as a PNG of {@value #WIDTH}×{@value #HEIGHT}: the teams, league and kick-off; the
 * 1X2 as bars, the model's beside the market's; the total goals 0 to 6+ with the over/under 2.5 line dashed; and a
 * heat map of the scores up to 5-5 with the three likeliest labelled. Dark background with light text and the
 * Okabe-Ito colours (told apart with colour-blindness), text of at least 24 px so it reads at 360 px wide.
 * <p>
 * CPU-bound and blocking (Java2D, ImageIO): call it only off the event loop ({@link Pictures} gives it a bounded
 * pool); on a non-blocking Reactor thread it refuses with {@link IllegalStateException}. Thread-safe.
 */
final class PictureRenderer {

	static final int WIDTH = 720;

	static final int HEIGHT = 1080;

	static final Color BACKGROUND = new Color(0x12, 0x1A, 0x24);

	static final Color TEXT = new Color(0xF2, 0xF5, 0xF8);

	static final Color MUTED = new Color(0xA9, 0xB6, 0xC4);

	/** Okabe-Ito sky blue and orange: the model and the market. */
	static final Color MODEL = new Color(0x56, 0xB4, 0xE9);

	static final Color MARKET = new Color(0xE6, 0x9F, 0x00);

	/** Okabe-Ito bluish green and vermillion: up to 2 goals, 3 or more. */
	static final Color UNDER = new Color(0x00, 0x9E, 0x73);

	static final Color OVER = new Color(0xD5, 0x5E, 0x00);

	/** The 1X2 bars stand on this line; 100% is {@value #RESULT_SCALE} px tall. */
	static final int RESULT_BASE = 400;

	static final int RESULT_SCALE = 160;

	/** The goals bars stand on this line; the likeliest total is {@value #GOALS_SCALE} px tall. */
	static final int GOALS_BASE = 690;

	static final int GOALS_SCALE = 120;

	/** The heat map's top-left corner and cells. */
	static final int GRID_X = 80;

	static final int GRID_Y = 820;

	static final int CELL_W = 64;

	static final int CELL_H = 30;

	private static final int PAD = 30;

	/** Viridis, dark to bright: a score's chance against the likeliest one's. */
	private static final Color[] HEAT = { new Color(0x44, 0x01, 0x54), new Color(0x3B, 0x52, 0x8B),
			new Color(0x21, 0x91, 0x8C), new Color(0x5E, 0xC9, 0x62), new Color(0xFD, 0xE7, 0x25) };

	static {
		System.setProperty("java.awt.headless", "true"); // no display, ever (Spring Boot sets it too)
		ImageIO.setUseCache(false); // PNGs are written to memory: no temporary files on disk
	}

	/** The PNG; {@link IllegalStateException} on a non-blocking thread, {@link UncheckedIOException} if PNG fails. */
	byte[] render(AnalysisPicture picture) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("an analysis picture is drawn off the event loop: "
					+ Thread.currentThread().getName());
		}
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setColor(BACKGROUND);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			header(g, picture.labels());
			result(g, picture);
			goals(g, picture);
			heatMap(g, picture);
			text(g, picture.labels().footer(), PictureFonts.REGULAR, 24, MUTED, PAD, HEIGHT - 22, WIDTH - 2 * PAD);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/** The teams on one line with the league and kick-off below; names too long for one line get a line each. */
	private static void header(Graphics2D g, PictureLabels labels) {
		String title = labels.home() + "  ×  " + labels.away();
		int room = WIDTH - 2 * PAD;
		int size = 38;
		while (size > 28 && g.getFontMetrics(PictureFonts.BOLD.deriveFont((float) size)).stringWidth(title) > room) {
			size -= 2;
		}
		if (g.getFontMetrics(PictureFonts.BOLD.deriveFont((float) size)).stringWidth(title) <= room) {
			text(g, title, PictureFonts.BOLD, size, TEXT, PAD, 62, room);
			text(g, labels.league(), PictureFonts.REGULAR, 26, MUTED, PAD, 102, room);
			text(g, labels.kickoff(), PictureFonts.REGULAR, 26, MUTED, PAD, 136, room);
		}
		else {
			text(g, labels.home(), PictureFonts.BOLD, 32, TEXT, PAD, 52, room);
			text(g, "× " + labels.away(), PictureFonts.BOLD, 32, TEXT, PAD, 94, room);
			text(g, labels.league() + " • " + labels.kickoff(), PictureFonts.REGULAR, 26, MUTED, PAD, 136, room);
		}
		g.setColor(MUTED);
		g.fillRect(PAD, 156, room, 2);
	}

	private static void result(Graphics2D g, AnalysisPicture picture) {
		PictureLabels labels = picture.labels();
		text(g, labels.resultTitle(), PictureFonts.BOLD, 28, TEXT, PAD, 200, 300);
		boolean market = !picture.market().isEmpty();
		int legend = legend(g, MODEL, labels.model(), WIDTH - PAD - legendWidth(g, labels, market), 200);
		if (market) {
			legend(g, MARKET, labels.market(), legend + 20, 200);
		}
		else {
			text(g, labels.noMarket(), PictureFonts.REGULAR, 24, MUTED, PAD, 232, WIDTH - 2 * PAD);
		}
		String[] names = { labels.home(), labels.draw(), labels.away() };
		int slot = (WIDTH - 2 * PAD) / 3;
		for (int k = 0; k < 3; k++) {
			int centre = PAD + slot * k + slot / 2;
			if (market) {
				bar(g, MODEL, centre - 74, RESULT_BASE, 68, picture.model().get(k) * RESULT_SCALE, labels.modelPercents().get(k));
				bar(g, MARKET, centre + 6, RESULT_BASE, 68, picture.market().get(k) * RESULT_SCALE, labels.marketPercents().get(k));
			}
			else {
				bar(g, MODEL, centre - 40, RESULT_BASE, 80, picture.model().get(k) * RESULT_SCALE, labels.modelPercents().get(k));
			}
			centred(g, names[k], PictureFonts.REGULAR, 24, TEXT, centre, RESULT_BASE + 32, slot - 12);
		}
	}

	private static int legendWidth(Graphics2D g, PictureLabels labels, boolean market) {
		var metrics = g.getFontMetrics(PictureFonts.REGULAR.deriveFont(24f));
		return 30 + metrics.stringWidth(labels.model()) + (market ? 50 + metrics.stringWidth(labels.market()) : 0);
	}

	/** A swatch and its words; returns where the words end. */
	private static int legend(Graphics2D g, Color colour, String words, int x, int baseline) {
		g.setColor(colour);
		g.fillRect(x, baseline - 20, 22, 22);
		return x + 30 + text(g, words, PictureFonts.REGULAR, 24, TEXT, x + 30, baseline, 400);
	}

	private static void goals(Graphics2D g, AnalysisPicture picture) {
		text(g, picture.labels().goalsTitle(), PictureFonts.BOLD, 28, TEXT, PAD, 486, WIDTH - 2 * PAD);
		text(g, picture.labels().overUnder(), PictureFonts.REGULAR, 24, MUTED, PAD, 520, WIDTH - 2 * PAD);
		double top = picture.totals().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		int slot = (WIDTH - 2 * PAD) / AnalysisPicture.TOTALS;
		for (int k = 0; k < AnalysisPicture.TOTALS; k++) {
			int centre = PAD + slot * k + slot / 2;
			double p = picture.totals().get(k);
			bar(g, k <= 2 ? UNDER : OVER, centre - 30, GOALS_BASE, 60, p / top * GOALS_SCALE, percent(p));
			centred(g, k == AnalysisPicture.TOTALS - 1 ? k + "+" : String.valueOf(k), PictureFonts.REGULAR, 24, TEXT, centre,
					GOALS_BASE + 30, slot);
		}
		g.setColor(TEXT);
		g.setStroke(new BasicStroke(3, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 10, 8 }, 0));
		int line = PAD + slot * 3;
		g.drawLine(line, GOALS_BASE + 36, line, GOALS_BASE - GOALS_SCALE - 28);
	}

	private static void heatMap(Graphics2D g, AnalysisPicture picture) {
		text(g, picture.labels().scoresTitle(), PictureFonts.BOLD, 28, TEXT, PAD, 776, WIDTH - 2 * PAD);
		text(g, picture.labels().scoresAxes(), PictureFonts.REGULAR, 24, MUTED, PAD, 808, WIDTH - 2 * PAD);
		List<ScoreProbability> labelled = picture.likeliest().subList(0, Math.min(3, picture.likeliest().size()));
		double top = labelled.isEmpty() ? 1 : labelled.get(0).probability();
		for (int i = 0; i <= AnalysisPicture.GRID; i++) {
			int y = GRID_Y + 30 + i * CELL_H;
			centred(g, String.valueOf(i), PictureFonts.REGULAR, 24, TEXT, GRID_X - 24, y + CELL_H - 6, 40);
			centred(g, String.valueOf(i), PictureFonts.REGULAR, 24, TEXT, GRID_X + i * CELL_W + CELL_W / 2, GRID_Y + 22, 40);
			for (int j = 0; j <= AnalysisPicture.GRID; j++) {
				g.setColor(heat(picture.score(i, j) / top));
				g.fillRect(GRID_X + j * CELL_W, y, CELL_W - 2, CELL_H - 2);
			}
		}
		int rank = 0;
		for (ScoreProbability score : labelled) {
			if (score.home() <= AnalysisPicture.GRID && score.away() <= AnalysisPicture.GRID) {
				int x = GRID_X + score.away() * CELL_W + CELL_W / 2;
				int y = GRID_Y + 30 + score.home() * CELL_H + CELL_H - 6;
				centred(g, String.valueOf(++rank), PictureFonts.BOLD, 24, Color.BLACK, x, y, CELL_W);
				text(g, rank + ".  " + score.home() + "-" + score.away() + "   " + percent(score.probability()),
						PictureFonts.BOLD, 26, TEXT, GRID_X + 6 * CELL_W + 30, GRID_Y + 70 + (rank - 1) * 44, 220);
			}
		}
	}

	/** Viridis at {@code t} in [0, 1]. */
	static Color heat(double t) {
		double scaled = Math.max(0, Math.min(1, t)) * (HEAT.length - 1);
		int low = Math.min((int) scaled, HEAT.length - 2);
		double f = scaled - low;
		Color a = HEAT[low];
		Color b = HEAT[low + 1];
		return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
				(int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
				(int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
	}

	/** A bar of {@code height} px (rounded) standing on {@code base}, its figure above it. */
	private static void bar(Graphics2D g, Color colour, int x, int base, int width, double height, String figure) {
		int h = (int) Math.round(height);
		g.setColor(colour);
		g.fillRect(x, base - h, width, h);
		centred(g, figure, PictureFonts.BOLD, 24, TEXT, x + width / 2, base - h - 8, width + 24);
	}

	static String percent(double p) {
		return Math.round(p * 100) + "%";
	}

	private static void centred(Graphics2D g, String words, Font font, int size, Color colour, int centre, int baseline,
			int room) {
		Font sized = font.deriveFont((float) size);
		String fitted = fit(g, words, sized, room);
		text(g, fitted, font, size, colour, centre - g.getFontMetrics(sized).stringWidth(fitted) / 2, baseline, room);
	}

	/** Draws one line, cut with an ellipsis to {@code room} px; returns its width. */
	private static int text(Graphics2D g, String words, Font font, int size, Color colour, int x, int baseline, int room) {
		Font sized = font.deriveFont((float) size);
		String fitted = fit(g, words, sized, room);
		g.setFont(sized);
		g.setColor(colour);
		g.drawString(fitted, x, baseline);
		return g.getFontMetrics(sized).stringWidth(fitted);
	}

	private static String fit(Graphics2D g, String words, Font font, int room) {
		var metrics = g.getFontMetrics(font);
		if (metrics.stringWidth(words) <= room) {
			return words;
		}
		String cut = words;
		while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > room) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut.strip() + "…";
	}
}

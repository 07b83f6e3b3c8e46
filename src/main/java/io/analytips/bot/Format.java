package io.analytips.bot;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, dates and ages as a user of that language expects them (pt-BR: "54%", "1,45", "23/11 16:00"). */
final class Format {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Format() {
	}

	/** A probability as a whole percentage: 0.537 → "54%". */
	static String percent(double probability, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(0);
		return format.format(probability).replace('\u00a0', ' ');
	}

	/**
	 * Probabilities that make up a whole (1X2, over/under, yes/no) as whole percentages that add up to 100, by
	 * largest remainder: each gets its percentage rounded down, and the points still missing go to those with the
	 * largest fractions (ties to the earlier one). 0.474, 0.284, 0.242 → "48%", "28%", "24%" where rounding each
	 * would give 47 + 28 + 24 = 99.
	 */
	static String[] percents(Locale locale, double... probabilities) {
		double total = 0;
		for (double p : probabilities) {
			total += Math.max(0, p);
		}
		int[] whole = new int[probabilities.length];
		double[] fraction = new double[probabilities.length];
		int given = 0;
		for (int i = 0; i < probabilities.length; i++) {
			double share = total <= 0 ? 0 : Math.max(0, probabilities[i]) / total * 100;
			whole[i] = (int) Math.floor(share);
			fraction[i] = share - whole[i];
			given += whole[i];
		}
		for (int missing = total <= 0 ? 0 : 100 - given; missing > 0; missing--) {
			int largest = 0;
			for (int i = 1; i < fraction.length; i++) {
				if (fraction[i] > fraction[largest]) {
					largest = i;
				}
			}
			whole[largest]++;
			fraction[largest] = -1;
		}
		String[] shown = new String[whole.length];
		for (int i = 0; i < whole.length; i++) {
			shown[i] = percent(whole[i] / 100.0, locale);
		}
		return shown;
	}

	/** A signed percentage with one decimal: 0.0912 → "+9,1%". */
	static String signedPercent(double value, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return (value > 0 ? "+" : "") + format.format(value).replace('\u00a0', ' ');
	}

	static String decimal(double value, int digits, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(value);
	}

	/** Decimal odds, 2 digits; probabilities of zero have no fair odds. */
	static String odds(double probability, Locale locale) {
		return probability <= 0 ? "—" : decimal(1 / probability, 2, locale);
	}

	static String dayTime(Instant instant, ZoneId zone) {
		return instant == null ? "" : DAY_TIME.format(instant.atZone(zone));
	}

	/** A kick-off with its zone, so nobody has to guess it: "29/11 16:00 (Brasília)". */
	static String kickoff(Instant instant, ZoneId zone, Messages messages, Locale locale) {
		return instant == null ? "" : messages.get(locale, "kickoff", dayTime(instant, zone), zone(zone, messages, locale));
	}

	/**
	 * A time zone as people name it: the bundle's name ({@code zone.America/Sao_Paulo} is
	 * "Brasília"), else the city of its id ({@code America/Manaus} → "Manaus"), else the id.
	 */
	static String zone(ZoneId zone, Messages messages, Locale locale) {
		if (zone.normalized() instanceof ZoneOffset offset) {
			return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
		}
		String id = zone.getId();
		if (messages.has(locale, "zone." + id)) {
			return messages.get(locale, "zone." + id);
		}
		int slash = id.lastIndexOf('/');
		return slash < 0 ? id : id.substring(slash + 1).replace('_', ' ');
	}

	static String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}

	/**
	 * A kick-off in a list of one day's games: its time, with its date too when in the reader's zone it falls on
	 * another day ("00:30" of a Brasília evening is the next morning in London: "07/12 00:30").
	 */
	static String timeOn(Instant instant, ZoneId zone, LocalDate day) {
		return instant.atZone(zone).toLocalDate().equals(day) ? time(instant, zone) : dayTime(instant, zone);
	}

	static String day(LocalDate date) {
		return DAY.format(date);
	}

	/** The date of a past game in the reader's zone, with its year (meetings span seasons): "09/03/2024". */
	static String date(Instant instant, ZoneId zone) {
		return instant == null ? "" : DATE.format(instant.atZone(zone));
	}

	/** A line like 2.5, in the user's decimal style. */
	static String line(double line, Locale locale) {
		return decimal(line, 1, locale);
	}

	/**
	 * An age in the largest unit that is at least one: "12 min", "3 h", "2 dias"; under a minute "instantes"
	 * ("Dados de instantes atrás": not "1 min" for data fetched a second ago).
	 */
	static String age(Duration age, Messages messages, Locale locale) {
		if (age.toHours() >= 48) {
			return messages.get(locale, "age.days", String.valueOf(age.toDays()));
		}
		if (age.toMinutes() >= 120) {
			return messages.get(locale, "age.hours", String.valueOf(age.toHours()));
		}
		if (age.toMinutes() < 1) {
			return messages.get(locale, "age.under.minute");
		}
		return messages.get(locale, "age.minutes", String.valueOf(age.toMinutes()));
	}
}

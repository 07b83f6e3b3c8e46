package io.analytips.football;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The names of the clubs of the bundled leagues (Premier League, Brasileirão Série A: every club of
 * the bundled seasons), from {@value #RESOURCE} (sources and rules in {@code team-names.md} beside it):
 * per club, the name fans write ({@link Club#display()}, with its accents), API-Football's name, the
 * data's spellings (football-data.co.uk, adaoduque) and the aliases fans type in both languages.
 * <p>
 * The table is read once, when this class loads: blocking classpath I/O, done at start-up (the
 * {@code teamSearch} bean of the football configuration loads it). After that every method is a
 * lookup in memory, safe on any thread.
 */
public final class TeamNames {

	/** Where the table sits on the classpath. */
	public static final String RESOURCE = "/football/team-names.csv";

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final TeamNames BUNDLED = read(RESOURCE);

	private final List<Club> clubs;

	/** By an API-Football or data spelling, folded: each belongs to one club ({@link #display} is a function). */
	private final Map<String, Club> bySpelling = new HashMap<>();

	TeamNames(List<Club> clubs) {
		this.clubs = List.copyOf(clubs);
		Set<String> displays = new LinkedHashSet<>();
		for (Club club : clubs) {
			if (!displays.add(club.display())) {
				throw new IllegalArgumentException("two clubs are shown as " + club.display());
			}
			for (String spelling : club.spellings()) {
				Club other = bySpelling.putIfAbsent(fold(spelling), club);
				if (other != null && other != club) {
					throw new IllegalArgumentException(
							"'" + spelling + "' names both " + other.display() + " and " + club.display());
				}
			}
		}
	}

	/** The bundled table. */
	public static TeamNames bundled() {
		return BUNDLED;
	}

	/**
	 * The name to show for a team, as API-Football (or the bundled data) spells it: the club's display
	 * name with its accents and in full ("Sao Paulo" → "São Paulo", "Nott'm Forest" → "Nottingham
	 * Forest", "Wolves" → "Wolverhampton"), or {@code name} itself, unchanged, for a team the table does
	 * not know (other leagues) and for {@code null}. Matched without case, accents or punctuation, on
	 * API-Football's and the data's spellings (and the display name itself, so calling it twice is
	 * harmless) only, never on aliases (Italy's "Inter" stays "Inter"). The result is plain text: escape
	 * it ({@code telegram.Html.escape}) where it goes into HTML. Never blocks, never throws.
	 */
	public static String display(String name) {
		return name == null ? null : BUNDLED.club(name).map(Club::display).orElse(name);
	}

	/**
	 * The name to show for a team where at most {@code width} characters fit (a league table's column): its
	 * {@link #display} name when that fits, else the first of API-Football's and the data's shorter spellings that
	 * fits ("Manchester City" → "Man City", "Brighton & Hove Albion" → "Brighton", "Nottingham Forest" →
	 * "Nott'm Forest"), else the display name cut to {@code width} with a dot. Plain text; never throws.
	 */
	public static String display(String name, int width) {
		if (name == null) {
			return null;
		}
		String shown = display(name);
		if (shown.length() <= width) {
			return shown;
		}
		return BUNDLED.club(name)
			.flatMap(club -> club.spellings().stream().filter(spelling -> spelling.length() <= width).findFirst())
			.orElseGet(() -> shown.substring(0, width - 1).strip() + ".");
	}

	/**
	 * {@code text} as names are compared: lower case, without accents, every run of characters other
	 * than letters and digits a single space, apostrophes dropped ("Nott'm" is "nottm"), trimmed.
	 * "SÃO PAULO", "são-paulo" and "Sao Paulo" all fold to "sao paulo".
	 */
	public static String fold(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("'", "")
			.replace("\u2019", "");
		return NOT_A_LETTER_OR_DIGIT.matcher(plain).replaceAll(" ").strip();
	}

	/** Every club of the table, in the file's order. */
	public List<Club> clubs() {
		return clubs;
	}

	/** The club API-Football or the data spell {@code name} for (folded), if the table has it. */
	public Optional<Club> club(String name) {
		return Optional.ofNullable(bySpelling.get(fold(name)));
	}

	private static TeamNames read(String resource) {
		try (InputStream in = TeamNames.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the build bundles no " + resource);
			}
			return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

	/** A table in the resource's format (columns league, display, api_football, data, aliases; lists split by |). */
	static TeamNames parse(Reader csv) throws IOException {
		List<Club> clubs = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
			.get();
		for (CSVRecord row : format.parse(csv)) {
			clubs.add(new Club(Integer.parseInt(row.get("league").strip()), row.get("display").strip(),
					row.get("api_football").strip(), list(row.get("data")), list(row.get("aliases"))));
		}
		return new TeamNames(clubs);
	}

	private static List<String> list(String cell) {
		return Stream.of(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/**
	 * A club of the table.
	 *
	 * @param league the API-Football id of the bundled league it played in
	 * @param display the name fans write, with its accents
	 * @param apiName API-Football's name
	 * @param dataNames the bundled data's spellings (football-data.co.uk, adaoduque)
	 * @param aliases common names, nicknames and abbreviations fans type, in both languages; an alias may
	 *        name several clubs
	 */
	public record Club(int league, String display, String apiName, List<String> dataNames, List<String> aliases) {

		public Club {
			dataNames = List.copyOf(dataNames);
			aliases = List.copyOf(aliases);
		}

		/** API-Football's name and the data's: the spellings a team arrives with. */
		public List<String> spellings() {
			List<String> spellings = new ArrayList<>(dataNames);
			spellings.add(0, apiName);
			spellings.add(display);
			return spellings;
		}

		/** Every name of the club: display, spellings, aliases. */
		public Stream<String> names() {
			return Stream.concat(Stream.of(display, apiName), Stream.concat(dataNames.stream(), aliases.stream()));
		}
	}
}

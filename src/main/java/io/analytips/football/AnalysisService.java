package io.analytips.football;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.analytips.common.Clocks;
import io.analytips.football.analysis.BookmakerPrices;
import io.analytips.football.analysis.CornerStats;
import io.analytips.football.analysis.ExpectedGoals;
import io.analytips.football.analysis.BothTeamsScoreCalibration;
import io.analytips.football.analysis.FairPrices;
import io.analytips.football.analysis.ModelSettings;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.analysis.ValueRules;
import io.analytips.football.analysis.MatchAnalyzer;
import io.analytips.football.analysis.MatchResult;
import io.analytips.football.analysis.ScoreModel;
import io.analytips.football.analysis.TeamStanding;
import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.FixtureOdds;
import io.analytips.football.api.FixtureTeamStatistics;
import io.analytips.football.api.StandingRow;
import io.analytips.football.cache.Cached;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static reactor.function.TupleUtils.function;

/**
 * Analyses a fixture: gathers the data through the cache (the season's results, the previous
 * season's, the table, the day's odds, and for corners the statistics of each team's recent
 * matches), fits the goal model and runs the pure {@code football.analysis} code. Only the
 * fixture and its season are required; every other part degrades to "unavailable" instead of
 * failing the analysis. Fitted models are reused while their data is unchanged.
 */
public class AnalysisService {

	private final FootballData data;

	private final int cornerSample;

	private final Clock clock;

	/** Fitted models, one fit per key at a time: concurrent analyses of a league share it. */
	private final AsyncCache<String, Fit> models;

	private final ModelFitTimes fitTimes;

	private final MarketMemory market;

	/** Each league's own value rule: a fixture is judged, and its record shown, by its league's backtest. */
	private final ValueRules rules;

	/** Each league's own model settings: its fit and its BTTS calibration, chosen by its own backtest. */
	private final BundledModelSettings settings;

	/**
	 * Implied goals by the prices they come from: a played match's prices never change, and each solve
	 * costs about 15 µs, which two seasons of matches would add to every fit.
	 */
	private final Cache<FairPrices, ExpectedGoals> implied = Caffeine.newBuilder().maximumSize(50_000).build();

	public AnalysisService(FootballData data, int cornerSample, Clock clock) {
		this(data, cornerSample, clock, new ModelFitTimes(), MarketMemory.forgetful(), BundledValueRule.get());
	}

	/** @param rules when a price is value, per league: the bundled {@link BundledValueRule#get()} outside tests */
	public AnalysisService(FootballData data, int cornerSample, Clock clock, ModelFitTimes fitTimes,
			MarketMemory market, ValueRules rules) {
		this(data, cornerSample, clock, fitTimes, market, rules, BundledModelSettings.get());
	}

	/** @param settings each league's model settings: the bundled {@link BundledModelSettings#get()} outside tests */
	public AnalysisService(FootballData data, int cornerSample, Clock clock, ModelFitTimes fitTimes,
			MarketMemory market, ValueRules rules, BundledModelSettings settings) {
		this.rules = Objects.requireNonNull(rules, "rules");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.fitTimes = fitTimes;
		this.market = market;
		this.data = data;
		this.cornerSample = cornerSample;
		this.clock = clock;
		this.models = Caffeine.newBuilder()
			.maximumSize(200)
			.expireAfterWrite(Duration.ofHours(6))
			.ticker(Clocks.ticker(clock))
			.executor(Runnable::run)
			.buildAsync();
	}

	/**
	 * Emits the report, judged by the fixture's league's own value rule ({@link AnalysisReport#rule()}: the
	 * untested rule, without a track record, for a league no backtest has judged); errors with
	 * {@link FixtureNotFoundException} for an unknown fixture, or with the {@link ApiFootballException} that
	 * made the fixture or its season unavailable (when no cached copy existed either). Its reads share one upstream budget ({@link FootballData#withinBudget}),
	 * so an analysis that cannot get its data in time says so before the handler's timeout; an optional
	 * part that misses the deadline is left out like any unavailable part.
	 */
	public Mono<AnalysisReport> analyze(long fixtureId, AnalysisKind kind) {
		return data.withinBudget(data.fixture(fixtureId)
			.switchIfEmpty(Mono.error(() -> new FixtureNotFoundException(fixtureId)))
			.flatMap(fixture -> analyze(fixture, kind)));
	}

	private Mono<AnalysisReport> analyze(Cached<Fixture> cachedFixture, AnalysisKind kind) {
		Fixture fixture = cachedFixture.value();
		int league = fixture.league().id();
		int season = fixture.league().season();
		ValueRule rule = rules.forLeague(league);
		ModelSettings leagueSettings = settings.forLeague(league);
		return Mono.zip(data.season(league, season), optional(data.season(league, season - 1)),
				optional(data.standings(league, season)), optional(data.odds(fixture)))
			.flatMap(function((current, previous, standings, odds) -> {
				Provenance provenance = new Provenance(cachedFixture);
				provenance.add(current);
				List<Fixture> fixtures = new ArrayList<>(current.value());
				previous.ifPresent(before -> fixtures.addAll(provenance.add(before).value()));
				History history = new History(fixtures, fixture.kickoff(), data.zone());
				Mono<Optional<CornerStats>> corners = kind.needsCorners() ? corners(history, fixture, provenance)
						: Mono.just(Optional.empty());
				Mono<Fit> fitted = model(fixture, current, history, leagueSettings);
				// written down while the model fits: later fits learn from the prices of this match
				Mono<Boolean> remembered = odds
					.map(offered -> market.record(fixture, offered))
					.orElse(Mono.just(false));
				return Mono.zip(corners, fitted, remembered).map(function((cornerStats, fit, written) -> {
					Set<AnalysisReport.Missing> missing = EnumSet.noneOf(AnalysisReport.Missing.class);
					TeamStanding home = null;
					TeamStanding away = null;
					if (standings.isPresent()) {
						List<StandingRow> rows = provenance.add(standings.get()).value();
						home = standing(rows, fixture.home().id());
						away = standing(rows, fixture.away().id());
					}
					if (home == null || away == null) {
						missing.add(AnalysisReport.Missing.STANDINGS);
					}
					BookmakerPrices prices = odds.map(offered -> Prices.of(provenance.add(offered).value())).orElse(null);
					if (prices == null) {
						missing.add(AnalysisReport.Missing.ODDS);
					}
					if (kind.needsCorners() && cornerStats.isEmpty()) {
						missing.add(AnalysisReport.Missing.CORNERS);
					}
					MatchAnalysis analysis = MatchAnalyzer.analyze(fit.model(), fixture.home().id(), fixture.away().id(),
							cornerStats.orElse(null), home, away, prices, rule, leagueSettings.bothTeamsScore(),
							fit.bttsFrequency(), leagueSettings.ownPrice());
					return new AnalysisReport(fixture, analysis, history.form(fixture.home().id(), 5),
							history.form(fixture.away().id(), 5), history.headToHead(fixture.home().id(),
									fixture.away().id(), 5),
							prices == null ? null : prices.bookmaker(), rule, provenance.oldest, provenance.stale,
							missing);
				}));
			}));
	}

	/**
	 * The goal model for the fixture's league and day, fitted once per key: concurrent analyses wait for
	 * the one fit. The fit is pure CPU work that never blocks (2–3 ms a league in the backtest, two seasons
	 * of results), so it runs on the parallel scheduler: bounded to one worker per core, which is the right
	 * bound for CPU work, and off the event loop. Its time is recorded per league in {@link #fitTimes()}.
	 * Results whose prices the {@link MarketMemory} kept are fitted on their implied goals too, with the
	 * options the league's {@link ModelSettings#fitOptions} picks for how many have prices. Beside the model goes
	 * the league's BTTS frequency in those results, which the league's BTTS calibration leans on.
	 */
	private Mono<Fit> model(Fixture fixture, Cached<List<Fixture>> season, History history, ModelSettings leagueSettings) {
		LocalDate day = fixture.kickoff().atZone(data.zone()).toLocalDate();
		int league = fixture.league().id();
		String key = league + ":" + fixture.league().season() + ":" + day + ":" + season.fetchedAt();
		return Mono.fromFuture(() -> models.get(key, (k, executor) -> market.prices(history.fixtureIds())
			.publishOn(Schedulers.parallel())
			.map(prices -> {
				long start = System.nanoTime();
				Map<Long, ExpectedGoals> goals = new HashMap<>();
				prices.forEach((id, fair) -> goals.put(id, implied.get(fair, FairPrices::impliedGoals)));
				List<MatchResult> results = history.results(goals);
				ScoreModel model = ScoreModel.fit(results, day, leagueSettings.fitOptions(results, day));
				fitTimes.record(league, Duration.ofNanos(System.nanoTime() - start));
				return new Fit(model, BothTeamsScoreCalibration.leagueFrequency(results, day));
			})
			.toFuture()), true);
	}

	/** A fitted model and the league's BTTS frequency in the results it was fitted on. */
	private record Fit(ScoreModel model, double bttsFrequency) {
	}

	/** How long the model fits took, per league. */
	public ModelFitTimes fitTimes() {
		return fitTimes;
	}

	/** Corners won and conceded in each team's last matches. */
	private Mono<Optional<CornerStats>> corners(History history, Fixture fixture, Provenance provenance) {
		long home = fixture.home().id();
		long away = fixture.away().id();
		List<Fixture> recent = new ArrayList<>(history.lastOf(home, cornerSample));
		history.lastOf(away, cornerSample).stream().filter(f -> !recent.contains(f)).forEach(recent::add);
		if (recent.isEmpty()) {
			return Mono.just(Optional.empty());
		}
		// One bulk call (/fixtures?ids=) for every recent match of both teams, not one per match.
		return optional(data.statisticsOf(recent.stream().map(Fixture::id).toList())).map(found -> found.flatMap(cached -> {
			Map<Long, List<FixtureTeamStatistics>> byFixture = provenance.add(cached).value();
			List<CornerSample> samples = recent.stream()
				.filter(match -> byFixture.containsKey(match.id()))
				.map(match -> new CornerSample(match, byFixture.get(match.id())))
				.toList();
			return CornerSample.stats(samples, home, away);
		}));
	}

	private static TeamStanding standing(List<StandingRow> rows, long team) {
		for (StandingRow row : rows) {
			if (row.team().id() == team) {
				long teams = rows.stream().filter(r -> Objects.equals(r.group(), row.group())).count();
				if (row.rank() < 1 || row.rank() > teams) {
					return null;
				}
				return new TeamStanding(row.rank(), (int) teams, row.played(), row.points(), row.goalsDiff(), row.form());
			}
		}
		return null;
	}

	/** An optional part: empty when absent or unavailable (the analysis goes on without it). */
	private static <T> Mono<Optional<T>> optional(Mono<T> part) {
		return part.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.onErrorResume(ApiFootballException.class, error -> Mono.just(Optional.empty()));
	}

	/** The oldest fetch and any staleness among the parts used. */
	private final class Provenance {

		Instant oldest;

		boolean stale;

		Provenance(Cached<?> first) {
			this.oldest = first.fetchedAt();
			this.stale = first.stale();
		}

		synchronized <T> Cached<T> add(Cached<T> part) {
			if (part.fetchedAt().isBefore(oldest)) {
				oldest = part.fetchedAt();
			}
			stale |= part.stale();
			return part;
		}
	}

	/** The age of a report's oldest data. */
	public Duration age(AnalysisReport report) {
		return Duration.between(report.dataFetchedAt(), clock.instant());
	}
}

package io.analytips.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.analytips.football.analysis.Margin;
import io.analytips.football.analysis.ScoringRules;
import io.analytips.store.Forecast;
import io.analytips.store.ForecastRepository;
import reactor.core.publisher.Mono;

/**
 * The bot's live record: every forecast it sent before kick-off and settled since, scored per league against the
 * market's prices of that moment. Honest by construction: the forecasts are written before kick-off and never chosen
 * afterwards ({@link ForecastRepository}).
 */
public class TrackRecords {

	private final ForecastRepository forecasts;

	public TrackRecords(ForecastRepository forecasts) {
		this.forecasts = forecasts;
	}

	/** Emits each league's record, by league id; an empty list before any forecast is settled. Errors if unreadable. */
	public Mono<List<LeagueRecord>> record() {
		return forecasts.settled().collectMultimap(Forecast::leagueId, forecast -> forecast, TreeMap::new)
			.map(byLeague -> {
				List<LeagueRecord> records = new ArrayList<>();
				byLeague.forEach((league, settled) -> records.add(score(league, settled)));
				return records;
			});
	}

	/** One league's record over its settled forecasts. */
	static LeagueRecord score(int league, Iterable<Forecast> settled) {
		int matches = 0;
		int priced = 0;
		double rps = 0;
		double log = 0;
		double rpsPriced = 0;
		double logPriced = 0;
		double marketRps = 0;
		double marketLog = 0;
		for (Forecast forecast : settled) {
			int outcome = ScoringRules.outcome(forecast.homeGoals(), forecast.awayGoals());
			double[] model = { forecast.home(), forecast.draw(), forecast.away() };
			double modelRps = ScoringRules.rps(model, outcome);
			double modelLog = ScoringRules.logLoss(model, outcome);
			matches++;
			rps += modelRps;
			log += modelLog;
			if (forecast.hasMarket()) {
				double[] market = Margin.power(forecast.marketHome(), forecast.marketDraw(), forecast.marketAway());
				priced++;
				rpsPriced += modelRps;
				logPriced += modelLog;
				marketRps += ScoringRules.rps(market, outcome);
				marketLog += ScoringRules.logLoss(market, outcome);
			}
		}
		return new LeagueRecord(league, matches, mean(rps, matches), mean(log, matches), priced, mean(rpsPriced, priced),
				mean(marketRps, priced), mean(logPriced, priced), mean(marketLog, priced));
	}

	private static double mean(double sum, int count) {
		return count == 0 ? Double.NaN : sum / count;
	}

	/** For tests: the records of {@code forecasts} grouped as {@link #record()} groups them. */
	static List<LeagueRecord> of(Map<Integer, List<Forecast>> byLeague) {
		List<LeagueRecord> records = new ArrayList<>();
		new TreeMap<>(byLeague).forEach((league, settled) -> records.add(score(league, settled)));
		return records;
	}
}

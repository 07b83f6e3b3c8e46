package io.analytips.bot;

import java.util.List;
import java.util.Locale;

import io.analytips.follow.LeagueRecord;
import io.analytips.follow.TrackRecords;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code /historico} ({@code /record}): the bot's live record, per league: the forecasts it sent before kick-off and
 * settled since, their mean RPS and log score, and beside them the market's over the matches it priced (the model's
 * over the same ones, like with like). Honest when there is nothing yet; a short apology when it cannot be read.
 */
final class RecordHandler implements Handler {

	private static final Logger log = LoggerFactory.getLogger(RecordHandler.class);

	private final TrackRecords records;

	private final Leagues leagues;

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	RecordHandler(TrackRecords records, Leagues leagues, Messages messages, Menus menus, Preferences preferences) {
		this.records = records;
		this.leagues = leagues;
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (pressed != null) {
			return pressed.is(CallbackData.RECORD, 0);
		}
		Command command = context.command();
		return command != null && switch (command.name()) {
			case "historico", "record", "track_record", "trackrecord" -> true;
			default -> false;
		};
	}

	@Override
	public String action(UpdateContext context) {
		return "record";
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		return preferences.of(context).flatMap(reader -> {
			Locale locale = reader.locale();
			return records.record()
				.map(record -> html(record, locale))
				.onErrorResume(error -> {
					log.warn("Track record not read: {}", error.toString());
					return Mono.just(Html.escape(messages.get(locale, "record.error")));
				})
				.flatMap(html -> context.reply(html, menus.main(locale)));
		}).then();
	}

	/** The record as the fan reads it: what the numbers mean, then a paragraph per league. */
	String html(List<LeagueRecord> record, Locale locale) {
		if (record.isEmpty()) {
			return Html.escape(messages.get(locale, "record.empty"));
		}
		StringBuilder html = new StringBuilder(messages.get(locale, "record.html"));
		for (LeagueRecord league : record) {
			html.append("\n\n").append(messages.get(locale, "record.league.html",
					Html.escape(leagues.name(league.leagueId(), locale)), matches(league.matches(), locale),
					score(league.rps(), locale), score(league.logScore(), locale)));
			html.append('\n').append(Html.escape(league.priced() == 0 ? messages.get(locale, "record.market.none")
					: messages.get(locale, "record.market", matches(league.priced(), locale),
							score(league.modelRpsPriced(), locale), score(league.modelLogPriced(), locale),
							score(league.marketRps(), locale), score(league.marketLogScore(), locale))));
		}
		return html.toString();
	}

	private String matches(int count, Locale locale) {
		return count == 1 ? messages.get(locale, "record.matches.one") : messages.get(locale, "record.matches", count);
	}

	private static String score(double value, Locale locale) {
		return Double.isNaN(value) ? "—" : Format.decimal(value, 3, locale);
	}
}

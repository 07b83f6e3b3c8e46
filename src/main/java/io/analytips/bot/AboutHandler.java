package io.analytips.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import io.analytips.football.analysis.ValueRule;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/**
 * {@code /sobre} ({@code /about}) and the {@code ℹ️} button under an analysis: how the model works, what the
 * words of an analysis mean, and how the model has done against the market in each league, from that league's
 * own backtest (a league without one says so; it never borrows another's figures).
 */
final class AboutHandler implements Handler {

	private final Messages messages;

	private final Menus menus;

	private final Leagues names;

	private final List<Integer> offered;

	private final IntFunction<ValueRule> rules;

	private final Preferences preferences;

	/** @param rules the value rule of a league, with its own backtest's record where it has one */
	AboutHandler(Messages messages, Menus menus, Leagues names, List<Integer> offered, IntFunction<ValueRule> rules,
			Preferences preferences) {
		this.messages = messages;
		this.menus = menus;
		this.names = names;
		this.offered = List.copyOf(offered);
		this.rules = rules;
		this.preferences = preferences;
	}

	/** Texts from memory. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		if (command != null) {
			return command.name().equals("sobre") || command.name().equals("about");
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && (pressed.is(CallbackData.ABOUT, 0) || pressed.is(CallbackData.ABOUT, 1));
	}

	@Override
	public String action(UpdateContext context) {
		return "about";
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return preferences.of(context).flatMap(reader -> {
			Locale locale = reader.locale();
			List<Integer> leagues = pressed != null && pressed.is(CallbackData.ABOUT, 1) ? List.of(pressed.intArgument(0))
					: context.bot().offered(offered);
			List<String> blocks = new ArrayList<>();
			blocks.add(messages.get(locale, "about.html"));
			blocks.add(messages.get(locale, "about.record.title.html"));
			for (int league : leagues) {
				blocks.add(record(league, locale));
			}
			blocks.add("<i>" + Html.escape(messages.get(locale, "analysis.responsible")) + "</i>");
			// From an analysis (a message of its own), the screen is a new message: the analysis stays readable.
			Screen screen = new Screen(String.join("\n\n", blocks), menus.backOnly(CallbackData.MENU, locale));
			return pressed != null && pressed.is(CallbackData.ABOUT, 1) ? screen.send(context) : screen.show(context);
		});
	}

	/** One league's backtested record against the market, in plain words, or that it has none. */
	private String record(int league, Locale locale) {
		String name = Html.escape(names.name(league, locale));
		ValueRule rule = rules.apply(league);
		if (rule == null || rule.trackRecord().isEmpty()) {
			return messages.get(locale, "about.record.none.html", name);
		}
		ValueRule.TrackRecord record = rule.trackRecord().get();
		String verdict = Html.escape(messages.get(locale, rule.supported() ? "about.record.supported"
				: "about.record.unsupported"));
		String edgeFrom = Format.percent(rule.minEdge(), locale);
		String edgeTo = Format.percent(rule.maxEdge(), locale);
		ValueRule.Interval roi = record.roi();
		if (record.clv().isEmpty()) {
			// flags taken at the closing price itself (the Série A's file has no other): only their return says anything
			return messages.get(locale, "about.record.noclv.html", name, Html.escape(record.seasons()), edgeFrom, edgeTo,
					String.valueOf(record.bets()), Format.signedPercent(roi.mean(), locale),
					Format.signedPercent(roi.low(), locale), Format.signedPercent(roi.high(), locale), verdict);
		}
		ValueRule.Interval clv = record.clv().get();
		return messages.get(locale, "about.record.html", name, Html.escape(record.seasons()), edgeFrom, edgeTo,
				String.valueOf(record.bets()), Format.signedPercent(clv.mean(), locale),
				Format.signedPercent(clv.low(), locale), Format.signedPercent(clv.high(), locale),
				Format.signedPercent(roi.mean(), locale), Format.signedPercent(roi.low(), locale),
				Format.signedPercent(roi.high(), locale), verdict);
	}
}

package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.analytips.common.LogContext;
import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.AnalysisService;
import io.analytips.football.FixtureNotFoundException;
import io.analytips.picture.AnalysisPicture;
import io.analytips.picture.Pictures;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.AnalysisRepository;
import io.analytips.store.StoredAnalysis;
import io.analytips.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analysis, as a button asks for it ({@link AnalysisHandler}) or a deep link ({@link StartHandler}): answers the
 * callback at once ("analysing…", if there is one), computes the analysis, sends it
 * as a new message (with its data age and the responsible-gambling line, a button to how to read it, and the
 * way back to the fixture's menu it came from) and stores it, as the user read it, for their history. When
 * football data cannot be had, the user is told so in one sentence.
 * <p>
 * A full analysis comes as a picture ({@link Pictures}; caption: the fixture and a three-line summary) whose button
 * ({@link CallbackData#ANALYSIS_TEXT}) sends its text; should the picture fail (not drawn in time, refused), the
 * text goes alone. The other kinds are text, as is every analysis with {@code analytips.picture.enabled=false}.
 */
final class AnalysisReplies {

	private static final Logger log = LoggerFactory.getLogger(AnalysisReplies.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private final AnalysisService analyses;

	private final AnalysisRepository history;

	private final AnalysisText text;

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	private final Clock clock;

	private final PictureWords words;

	/** Null: no pictures. */
	private final Pictures pictures;

	/** Where a picture sent is remembered for the inline cards; null: nowhere. */
	private final SentPictures sent;

	AnalysisReplies(AnalysisService analyses, AnalysisRepository history, AnalysisText text, Messages messages,
			Menus menus, Preferences preferences, Clock clock, PictureWords words, Pictures pictures, SentPictures sent) {
		this.analyses = analyses;
		this.history = history;
		this.text = text;
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
		this.clock = clock;
		this.words = words;
		this.pictures = pictures;
		this.sent = sent;
	}

	/**
	 * Sends the analysis of {@code kind} of the fixture (as text with {@code asText}), its way back to the fixture's
	 * menu opened from {@code origin}. Upstream failures, an unknown fixture included, are told in one sentence.
	 */
	Mono<Void> send(UpdateContext context, long fixtureId, AnalysisKind kind, boolean asText, String origin) {
		return send(context, fixtureId, kind, asText, origin, false);
	}

	/** As {@link #send}, but a fixture API-Football does not know errors with {@link FixtureNotFoundException}. */
	Mono<Void> sendKnown(UpdateContext context, long fixtureId, AnalysisKind kind, String origin) {
		return send(context, fixtureId, kind, false, origin, true);
	}

	private Mono<Void> send(UpdateContext context, long fixtureId, AnalysisKind kind, boolean asText, String origin,
			boolean unknownIsError) {
		String back = Menus.fixture(fixtureId, origin);
		return preferences.of(context).flatMap(reader -> {
			Locale locale = reader.locale();
			return context.answerCallback(messages.get(locale, "callback.working"), false)
				.then(analyses.analyze(fixtureId, kind))
				.flatMap(report -> {
					Duration age = Duration.between(report.dataFetchedAt(), clock.instant());
					String html = text.render(report, kind, age.isNegative() ? Duration.ZERO : age, reader);
					Keyboard keyboard = Keyboard.create().button(messages.get(locale, "button.about.analysis"),
							CallbackData.of(CallbackData.ABOUT, report.fixture().league().id()));
					Mono<Void> textScreen = new Screen(html, menus.backTo(keyboard, back, locale).build()).send(context);
					if (asText) { // its picture's analysis, kept in the history when the picture went
						return textScreen;
					}
					boolean picture = kind == AnalysisKind.FULL && pictures != null && context.chatId() != null;
					return (picture ? picture(context, report, reader, origin, back).onErrorResume(error -> {
						log.warn("Analysis picture of fixture {} not sent, its text instead: {}", fixtureId, error.toString());
						return textScreen;
					}) : textScreen).then(store(context, report, kind, age, html));
				})
				.onErrorResume(error -> !(unknownIsError && error instanceof FixtureNotFoundException),
						error -> FootballErrors.message(error, messages, locale)
					.switchIfEmpty(Mono.error(error))
					.flatMap(message -> new Screen(Html.escape(message), menus.backOnly(back, locale)).send(context)));
		});
	}

	/** The picture, its caption the summary, its buttons the text analysis and the way back. */
	private Mono<Void> picture(UpdateContext context, AnalysisReport report, Reader reader, String origin, String back) {
		Locale locale = reader.locale();
		AnalysisPicture picture = AnalysisPicture.of(report, words.labels(report, reader));
		Keyboard keyboard = Keyboard.create().button(messages.get(locale, "button.analysis.text"),
				CallbackData.from(origin, CallbackData.ANALYSIS_TEXT, report.fixture().id()));
		ChatPhoto photo = new ChatPhoto(context, context.chatId(), words.caption(report, reader),
				menus.backTo(keyboard, back, locale).build(), PictureWords.fileName(picture.key(), locale));
		return pictures.send(context.bot().id(), picture, photo)
			.doOnNext(fileId -> {
				if (sent != null) {
					sent.sent(context.bot().id(), report.fixture().id(), locale, fileId);
				}
			})
			.then();
	}

	private Mono<Void> store(UpdateContext context, AnalysisReport report, AnalysisKind kind, Duration age, String html) {
		if (context.user() == null || history == null) { // no history: screens tried alone
			return Mono.empty();
		}
		var markets = report.analysis().markets();
		// the result as the user saw it: the forecast shown, which may lean on the fixture's price
		String payload = JSON.writeValueAsString(Map.of("xg", report.analysis().expectedGoals(), "result",
				report.analysis().forecast().result(), "bothTeamsScore", markets.bothTeamsScore(), "value",
				report.analysis().value(), "stale", report.stale()));
		StoredAnalysis stored = new StoredAnalysis(0, context.user().id(), report.fixture().id(), kind.code(),
				report.fixture().home().name(), report.fixture().away().name(), report.fixture().kickoff(), null,
				age.toSeconds(), payload, html);
		// The user has the analysis already; failing to keep it in the history is not worth an error reply.
		return history.save(context.bot().id(), stored)
			.onErrorResume(error -> Mono.deferContextual(ids -> {
				LogContext.in(ids, () -> log.warn("Analysis of fixture {} not stored: {}", report.fixture().id(),
						error.toString()));
				return Mono.empty();
			}))
			.then();
	}
}

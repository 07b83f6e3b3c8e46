package io.analytips.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.analytips.follow.Following;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.Followed;
import io.analytips.store.Subscriber;
import io.analytips.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code /meus_times} ({@code /my_teams}, the {@code mt} button): what the chat follows, leagues then teams, each
 * with a 🔕 button, and when its alerts go: how long before kick-off ({@code al}, {@code al:60}) and the daily
 * digest's hour in the reader's zone ({@code dg}, {@code dg:9}, {@code dg:off}). A change is confirmed in one
 * sentence above the list; a store that cannot be read or written gets a short apology.
 */
final class MyTeamsHandler implements Handler {

	private static final Logger log = LoggerFactory.getLogger(MyTeamsHandler.class);

	/** The leads offered, in minutes before kick-off. */
	static final List<Integer> LEADS = List.of(15, 30, 60, 120, 180);

	/** The digest's hours offered, in the reader's zone. */
	static final List<Integer> DIGEST_HOURS = List.of(8, 9, 12, 18);

	static final String OFF = "off";

	private final Following following;

	private final Leagues leagues;

	private final DisplayNames names;

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	MyTeamsHandler(Following following, Leagues leagues, DisplayNames names, Messages messages, Menus menus,
			Preferences preferences) {
		this.following = following;
		this.leagues = leagues;
		this.names = names;
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		if (command != null) {
			return switch (command.name()) {
				case "meus_times", "meustimes", "my_teams", "myteams", "seguindo", "following" -> true;
				default -> false;
			};
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && (pressed.is(CallbackData.MY_TEAMS, 0) || pressed.is(CallbackData.LEAD, 0)
				|| pressed.is(CallbackData.LEAD, 1) || pressed.is(CallbackData.DIGEST, 0) || pressed.is(CallbackData.DIGEST, 1)
				|| (pressed.is(CallbackData.MY_UNFOLLOW, 2) && pressed.arguments().get(1).matches("\\d{1,12}")
						&& (pressed.arguments().get(0).equals(CallbackData.TEAM_KIND)
								|| pressed.arguments().get(0).equals(CallbackData.LEAGUE_KIND))));
	}

	@Override
	public String action(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (pressed == null || pressed.is(CallbackData.MY_TEAMS, 0)) {
			return "my_teams";
		}
		return switch (pressed.action()) {
			case CallbackData.LEAD -> "alert_lead";
			case CallbackData.DIGEST -> "digest";
			default -> "unfollow";
		};
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		Follower follower = Follower.of(context);
		return preferences.of(context).flatMap(reader -> {
			CallbackData pressed = CallbackData.parse(context.callbackData());
			Mono<Screen> screen;
			if (pressed == null || pressed.is(CallbackData.MY_TEAMS, 0)) {
				screen = list(follower, reader, null);
			}
			else if (pressed.action().equals(CallbackData.LEAD)) {
				screen = pressed.arguments().isEmpty() ? leads(follower, reader) : chooseLead(follower, reader,
						pressed.arguments().get(0));
			}
			else if (pressed.action().equals(CallbackData.DIGEST)) {
				screen = pressed.arguments().isEmpty() ? digests(follower, reader) : chooseDigest(follower, reader,
						pressed.arguments().get(0));
			}
			else {
				screen = unfollow(follower, reader, pressed.arguments().get(0).equals(CallbackData.TEAM_KIND)
						? Followed.Kind.TEAM : Followed.Kind.LEAGUE, pressed.longArgument(1));
			}
			Mono<Screen> shown = screen.onErrorResume(error -> {
				log.warn("Follows of chat {} not read or written: {}", follower.chat(), error.toString());
				return Mono.just(new Screen(Html.escape(messages.get(reader.locale(), "follow.error")),
						menus.main(reader.locale())));
			});
			return context.isCallback() ? shown.flatMap(s -> s.show(context)) : shown.flatMap(s -> s.send(context));
		});
	}

	/** The list, with {@code done} (a sentence confirming a change) above it when not null. */
	private Mono<Screen> list(Follower follower, Reader reader, String done) {
		Locale locale = reader.locale();
		return following.following(follower.bot(), follower.chat()).collectList()
			.zipWith(settings(follower))
			.map(found -> {
				List<Followed> followed = found.getT1();
				String prefix = done == null ? "" : Html.escape(done) + "\n\n";
				if (followed.isEmpty()) {
					return new Screen(prefix + messages.get(locale, "myteams.empty.html"), menus.backTo(Keyboard.create()
						.pair(messages.get(locale, "button.search"), CallbackData.SEARCH, messages.get(locale, "button.leagues"),
								CallbackData.LEAGUES), CallbackData.MENU, locale).build());
				}
				Subscriber settings = found.getT2().orElse(null);
				StringBuilder lines = new StringBuilder();
				Keyboard keyboard = Keyboard.create();
				for (Followed one : followed) {
					boolean team = one.kind() == Followed.Kind.TEAM;
					String name = team ? names.display(one.name()) : leagues.name((int) one.id(), locale);
					lines.append(lines.isEmpty() ? "" : "\n")
						.append(messages.get(locale, team ? "myteams.team.html" : "myteams.league.html", Html.escape(name)));
					keyboard.button(messages.get(locale, "button.unfollow.item", name), CallbackData.of(CallbackData.MY_UNFOLLOW,
							team ? CallbackData.TEAM_KIND : CallbackData.LEAGUE_KIND, one.id()));
				}
				String lead = FollowTexts.lead(FollowTexts.leadMinutes(settings, following), messages, locale);
				Integer hour = settings == null ? null : settings.digestHour();
				String digest = hour == null ? messages.get(locale, "myteams.digest.off")
						: messages.get(locale, "myteams.digest", FollowTexts.hour(hour), zone(reader));
				keyboard.pair(messages.get(locale, "button.lead", lead), CallbackData.LEAD, messages.get(locale,
						"button.digest", hour == null ? messages.get(locale, "digest.off") : FollowTexts.hour(hour)),
						CallbackData.DIGEST);
				return new Screen(prefix + messages.get(locale, "myteams.html", lines, Html.escape(messages.get(locale,
						"myteams.lead", lead)), Html.escape(digest)), menus.backTo(keyboard, CallbackData.MENU, locale).build());
			});
	}

	private Mono<Screen> leads(Follower follower, Reader reader) {
		Locale locale = reader.locale();
		return settings(follower).map(found -> {
			int current = FollowTexts.leadMinutes(found.orElse(null), following);
			Keyboard keyboard = Keyboard.create();
			List<String> row = new ArrayList<>();
			for (int minutes : LEADS) {
				String label = FollowTexts.lead(minutes, messages, locale);
				row.add(minutes == current ? messages.get(locale, "button.chosen", label) : label);
				row.add(CallbackData.of(CallbackData.LEAD, minutes));
			}
			keyboard.row(row.toArray(String[]::new));
			return new Screen(messages.get(locale, "lead.choose.html", FollowTexts.lead(current, messages, locale)),
					menus.backTo(keyboard, CallbackData.MY_TEAMS, locale).build());
		});
	}

	private Mono<Screen> chooseLead(Follower follower, Reader reader, String choice) {
		int minutes = choice.matches("\\d{1,4}") ? Integer.parseInt(choice) : -1;
		if (!LEADS.contains(minutes)) {
			return leads(follower, reader);
		}
		Locale locale = reader.locale();
		return settings(follower)
			.flatMap(found -> following.configure(follower.bot(), FollowTexts.subscriber(follower.chat(), reader), minutes,
					found.map(Subscriber::digestHour).orElse(null)))
			.then(list(follower, reader, messages.get(locale, "lead.chosen", FollowTexts.lead(minutes, messages, locale))));
	}

	private Mono<Screen> digests(Follower follower, Reader reader) {
		Locale locale = reader.locale();
		return settings(follower).map(found -> {
			Integer current = found.map(Subscriber::digestHour).orElse(null);
			List<String> row = new ArrayList<>();
			for (int hour : DIGEST_HOURS) {
				row.add(Integer.valueOf(hour).equals(current) ? messages.get(locale, "button.chosen", FollowTexts.hour(hour))
						: FollowTexts.hour(hour));
				row.add(CallbackData.of(CallbackData.DIGEST, hour));
			}
			String off = messages.get(locale, "digest.off");
			Keyboard keyboard = Keyboard.create().row(row.toArray(String[]::new))
				.button(current == null ? messages.get(locale, "button.chosen", off) : off, CallbackData.of(CallbackData.DIGEST, OFF));
			return new Screen(messages.get(locale, "digest.choose.html", Html.escape(zone(reader)),
					current == null ? Html.escape(off) : FollowTexts.hour(current)),
					menus.backTo(keyboard, CallbackData.MY_TEAMS, locale).build());
		});
	}

	private Mono<Screen> chooseDigest(Follower follower, Reader reader, String choice) {
		Integer hour = choice.matches("\\d{1,2}") ? Integer.valueOf(choice) : null;
		if (!choice.equals(OFF) && !DIGEST_HOURS.contains(hour)) {
			return digests(follower, reader);
		}
		Locale locale = reader.locale();
		String done = hour == null ? messages.get(locale, "digest.chosen.off")
				: messages.get(locale, "digest.chosen", FollowTexts.hour(hour), zone(reader));
		return settings(follower)
			.flatMap(found -> following.configure(follower.bot(), FollowTexts.subscriber(follower.chat(), reader),
					found.map(Subscriber::alertMinutes).orElse(null), hour))
			.then(list(follower, reader, done));
	}

	private Mono<Screen> unfollow(Follower follower, Reader reader, Followed.Kind kind, long id) {
		Locale locale = reader.locale();
		return following.following(follower.bot(), follower.chat())
			.filter(followed -> followed.kind() == kind && followed.id() == id)
			.next()
			.flatMap(followed -> following.unfollow(follower.bot(), follower.chat(), kind, id)
				.then(list(follower, reader, messages.get(locale, kind == Followed.Kind.TEAM ? "unfollow.team.html"
						: "unfollow.league.html", kind == Followed.Kind.TEAM ? names.display(followed.name())
								: leagues.name((int) id, locale)))))
			.switchIfEmpty(Mono.defer(() -> list(follower, reader, null)));
	}

	private Mono<Optional<Subscriber>> settings(Follower follower) {
		return following.settings(follower.bot(), follower.chat()).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private String zone(Reader reader) {
		return Format.zone(reader.zone(), messages, reader.locale());
	}
}

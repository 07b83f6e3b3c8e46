package io.analytips.bot;

import java.util.Optional;

import io.analytips.football.AnalysisKind;
import io.analytips.football.FixtureNotFoundException;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.User;
import reactor.core.publisher.Mono;

/**
 * {@code /start} (and {@code /menu}): the welcome message with the main menu. In a group, a welcome that says how to
 * address the bot there ({@code /tabela@bot}), as free text is not read in groups. {@code /start <payload>}, what a
 * deep link sends ({@link DeepLinks}), opens the fixture or team it names instead; a payload that is no link of this
 * bot, or names a fixture nobody knows, gets the welcome with a line saying the link is not valid. The payload of the
 * inline answers' "try again" button ({@link UpdateContext#TRY_AGAIN}) gets the plain welcome.
 */
final class StartHandler implements Handler {

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	/** What links open; null: links are not followed (the welcome only). */
	private final DeepLinkScreens links;

	/** A fixture's link's analysis; null: the fixture's menu instead. */
	private final AnalysisReplies analyses;

	StartHandler(Messages messages, Menus menus, Preferences preferences) {
		this(messages, menus, preferences, null, null);
	}

	StartHandler(Messages messages, Menus menus, Preferences preferences, DeepLinkScreens links,
			AnalysisReplies analyses) {
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
		this.links = links;
		this.analyses = analyses;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		return command != null && (command.name().equals("start") || command.name().equals("menu"));
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		Command command = context.command();
		String payload = command.name().equals("start") ? command.arguments() : "";
		return preferences.of(context).flatMap(reader -> {
			if (payload.isEmpty() || payload.equals(UpdateContext.TRY_AGAIN)) {
				return welcome(context, reader, false);
			}
			Optional<DeepLinks.Link> link = DeepLinks.parse(payload);
			if (link.isEmpty() || links == null) {
				return welcome(context, reader, true);
			}
			if (link.get().kind() == DeepLinks.Kind.FIXTURE && analyses != null) {
				return analyses.sendKnown(context, link.get().id(), AnalysisKind.FULL, CallbackData.TODAY)
					.onErrorResume(FixtureNotFoundException.class, unknown -> welcome(context, reader, true));
			}
			return links.open(link.get(), reader, Follower.of(context))
				.onErrorResume(error -> FootballErrors.screen(error, messages, menus, reader.locale()))
				.flatMap(screen -> screen.send(context).thenReturn(Boolean.TRUE))
				.switchIfEmpty(Mono.defer(() -> welcome(context, reader, true).thenReturn(Boolean.TRUE)))
				.then();
		});
	}

	private Mono<Void> welcome(UpdateContext context, Reader reader, boolean badLink) {
		User user = context.user();
		String name = user == null || user.firstName() == null ? "" : user.firstName();
		// in a group the bot reads only commands addressed to it: the welcome says how, not "type a team's name"
		String welcome = context.isGroupChat()
				? messages.get(reader.locale(), "welcome.group.html", Html.escapeShort(name, 64), Html.escape(addressed(context)))
				: messages.get(reader.locale(), "welcome.html", Html.escapeShort(name, 64));
		String text = badLink ? messages.get(reader.locale(), "deeplink.invalid.html") + "\n\n" + welcome : welcome;
		return context.reply(text, menus.main(reader.locale())).then();
	}

	/** How a command is addressed to this bot in a group: {@code @analytips_bot}; nothing while its name is unknown. */
	static String addressed(UpdateContext context) {
		String username = context.bot().username();
		return username.isEmpty() ? "" : "@" + username;
	}
}

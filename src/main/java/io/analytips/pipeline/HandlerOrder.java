package io.analytips.pipeline;

/**
 * The order in which the handlers are tried, in one list: for each update the first whose {@link Handler#supports}
 * answers true takes it, so a handler that takes anything of a kind (any typed text, any button) comes after those
 * that take something narrower. Each handler's bean carries {@code @Order(HandlerOrder.X)}; a new handler takes its
 * place here. The numbers leave room between them and mean nothing else.
 */
public final class HandlerOrder {

	/** The operators' commands ({@code /status}, {@code /logs}, …), before any user's handler: from them, no search. */
	public static final int ADMIN = 5;

	/** {@code /start} (and {@code /menu}), with or without a deep link's payload. */
	public static final int START = 10;

	/** {@code /help} ({@code /ajuda}): the list of commands. */
	public static final int HELP = 20;

	/** The menu and help buttons. */
	public static final int MENU = 30;

	/** Today's games by league, a league's games today, a fixture's analysis menu. */
	public static final int BROWSE = 40;

	/** A fixture's head-to-head. */
	public static final int HEAD_TO_HEAD = 42;

	/** The leagues offered, each with its table and next games; {@code /tabela} ({@code /table}). */
	public static final int LEAGUES = 45;

	/** An analysis button. */
	public static final int ANALYSIS = 50;

	/** The user's recent analyses. */
	public static final int RECENT = 60;

	/** {@code /sobre} ({@code /about}) and the button under an analysis. */
	public static final int ABOUT = 65;

	/** Language and time zone: the menu's button, {@code /idioma} ({@code /language}), {@code /fuso}. */
	public static final int SETTINGS = 68;

	/** {@code /proximos <team>} ({@code /next}). */
	public static final int NEXT_GAMES = 70;

	/** {@code /seguir} ({@code /follow}) and the follow and unfollow buttons. */
	public static final int FOLLOW = 75;

	/** {@code /meus_times} ({@code /my_teams}): what the chat follows, and when its alerts go. */
	public static final int MY_TEAMS = 80;

	/** {@code /historico} ({@code /record}): the bot's live record. */
	public static final int RECORD = 85;

	/** Inline queries ({@code @bot <team>}): only they are taken here, so its place among the buttons does not matter. */
	public static final int INLINE = 88;

	/**
	 * The team search, and typed text that may be a team's name: after every command and button, as it takes the
	 * text they leave.
	 */
	public static final int SEARCH = 800;

	/** The bot's own membership of a chat changed (blocked, unblocked, added, removed). */
	public static final int MEMBERSHIP = 900;

	/** Any message nothing above took: a polite reply, or silence for what the bot only overheard. */
	public static final int FALLBACK_MESSAGE = 1000;

	/** A button nothing above took (old or forged data): answered, so the spinner stops. */
	public static final int FALLBACK_BUTTON = 1010;

	private HandlerOrder() {
	}
}

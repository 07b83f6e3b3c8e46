package io.analytips.store;

import java.util.Objects;

/**
 * Something a chat follows.
 *
 * @param kind a team or a whole league
 * @param id API-Football's id of the team or league
 * @param name the name it was followed by
 */
public record Followed(Kind kind, long id, String name) {

	/** What is followed. */
	public enum Kind {
		TEAM("team"), LEAGUE("league");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		/** The {@code follows.kind} value. */
		public String code() {
			return code;
		}

		static Kind of(String code) {
			return code.equals(TEAM.code) ? TEAM : LEAGUE;
		}
	}

	public Followed {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
	}

	public static Followed team(long id, String name) {
		return new Followed(Kind.TEAM, id, name);
	}

	public static Followed league(long id, String name) {
		return new Followed(Kind.LEAGUE, id, name);
	}
}

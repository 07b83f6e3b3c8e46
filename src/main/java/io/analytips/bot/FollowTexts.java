package io.analytips.bot;

import java.util.Locale;

import io.analytips.follow.Following;
import io.analytips.store.Subscriber;

/** What the screens of following share: how a chat reads its alerts, and how long before kick-off they go. */
final class FollowTexts {

	private FollowTexts() {
	}

	/** The chat's subscription as its reader reads now (locale tag and zone id). */
	static Subscriber subscriber(long chat, Reader reader) {
		return Subscriber.of(chat, reader.locale().toLanguageTag(), reader.zone().getId());
	}

	/** How many minutes before kick-off the chat's alerts go: its choice, else the deployment's default. */
	static int leadMinutes(Subscriber settings, Following following) {
		return settings != null && settings.alertMinutes() != null ? settings.alertMinutes()
				: (int) following.defaultLead().toMinutes();
	}

	/** A lead as people say it: "15 min", "60 min", "2 h", "1 h 30 min" (the hour in minutes, as alerts are set). */
	static String lead(int minutes, Messages messages, Locale locale) {
		if (minutes <= 60) {
			return messages.get(locale, "age.minutes", String.valueOf(minutes));
		}
		String hours = messages.get(locale, "age.hours", String.valueOf(minutes / 60));
		return minutes % 60 == 0 ? hours : hours + " " + messages.get(locale, "age.minutes", String.valueOf(minutes % 60));
	}

	/** A digest's local hour: "09:00". */
	static String hour(int hour) {
		return String.format(Locale.ROOT, "%02d:00", hour);
	}
}

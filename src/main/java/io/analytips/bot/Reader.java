package io.analytips.bot;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Who reads a screen: the language it is written in and the time zone its kick-offs are shown in (what the
 * user chose, else what their Telegram client suggests: {@link Preferences}).
 */
record Reader(Locale locale, ZoneId zone) {
}

package io.analytips.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an HTML message into parts Telegram accepts (at most 4096 characters each). It cuts at
 * a paragraph, then a line, then a space, never inside a tag, an entity or a surrogate pair, and
 * closes the tags still open at a cut, reopening them at the start of the next part.
 */
final class TextSplitter {

	/** Telegram's limit on a message's text. */
	static final int MAX_MESSAGE = 4096;

	/** Room left in each part for the closing and reopened tags. */
	private static final int TAG_ROOM = 256;

	private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>");

	private TextSplitter() {
	}

	static List<String> split(String html) {
		return split(html, MAX_MESSAGE);
	}

	static List<String> split(String html, int max) {
		if (html.length() <= max) {
			return List.of(html);
		}
		int budget = Math.max(16, max - TAG_ROOM);
		List<String> parts = new ArrayList<>();
		String reopen = "";
		int start = 0;
		while (start < html.length()) {
			int end = html.length() - start <= budget ? html.length() : cut(html, start, start + budget);
			String body = html.substring(start, end);
			Deque<String> open = openTags(reopen + body);
			String part = (reopen + body + closing(open)).strip();
			if (!part.isEmpty()) {
				parts.add(part);
			}
			reopen = opening(open);
			start = end;
			while (start < html.length() && html.charAt(start) == '\n') {
				start++;
			}
		}
		return parts;
	}

	/** The best cut at or before {@code limit}: after a blank line, a newline or a space; else a safe hard cut. */
	private static int cut(String html, int start, int limit) {
		int floor = start + (limit - start) / 2;
		for (String separator : new String[] { "\n\n", "\n", " " }) {
			int at = html.lastIndexOf(separator, limit - separator.length());
			if (at >= floor && safe(html, start, at + separator.length())) {
				return at + separator.length();
			}
		}
		int at = limit;
		while (at > start + 1 && !safe(html, start, at)) {
			at--;
		}
		return at;
	}

	/** Whether cutting at {@code at} leaves no tag, entity or surrogate pair broken. */
	private static boolean safe(String html, int start, int at) {
		if (Character.isLowSurrogate(html.charAt(at)) && Character.isHighSurrogate(html.charAt(at - 1))) {
			return false;
		}
		int lastOpen = html.lastIndexOf('<', at - 1);
		if (lastOpen >= start && html.lastIndexOf('>', at - 1) < lastOpen) {
			return false;
		}
		int lastAmp = html.lastIndexOf('&', at - 1);
		return lastAmp < start || html.lastIndexOf(';', at - 1) > lastAmp || at - lastAmp > 10;
	}

	private static Deque<String> openTags(String html) {
		Deque<String> open = new ArrayDeque<>();
		Matcher tag = TAG.matcher(html);
		while (tag.find()) {
			if (tag.group(1).isEmpty()) {
				open.push(tag.group());
			}
			else {
				String name = tag.group(2);
				for (Iterator<String> it = open.iterator(); it.hasNext();) {
					if (nameOf(it.next()).equals(name)) {
						it.remove();
						break;
					}
				}
			}
		}
		return open;
	}

	private static String closing(Deque<String> open) {
		StringBuilder closing = new StringBuilder();
		for (String tag : open) {
			closing.append("</").append(nameOf(tag)).append('>');
		}
		return closing.toString();
	}

	private static String opening(Deque<String> open) {
		StringBuilder opening = new StringBuilder();
		for (Iterator<String> it = open.descendingIterator(); it.hasNext();) {
			opening.append(it.next());
		}
		return opening.toString();
	}

	private static String nameOf(String tag) {
		Matcher m = TAG.matcher(tag);
		return m.matches() ? m.group(2) : "";
	}
}

package io.analytips.telegram;

/**
 * Escaping for Telegram's HTML parse mode. Telegram understands only {@code &lt; &gt; &amp; &quot;}
 * and numeric entities, so general-purpose escapers (which emit {@code &eacute;} and the like)
 * would break accented Portuguese text.
 */
public final class Html {

	private Html() {
	}

	/** Escapes user- or API-provided text for use inside HTML text or a quoted attribute. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				default -> null;
			};
			if (replacement != null && out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (out != null) {
				if (replacement != null) {
					out.append(replacement);
				}
				else {
					out.append(c);
				}
			}
		}
		return out == null ? text : out.toString();
	}

	/** Escapes and shortens to at most {@code max} characters, for echoing untrusted input. */
	public static String escapeShort(String text, int max) {
		if (text == null) {
			return "";
		}
		String shortened = text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
		return escape(shortened);
	}
}

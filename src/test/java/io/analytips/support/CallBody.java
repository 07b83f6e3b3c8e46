package io.analytips.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The body of a call to the {@link FakeBotApi} as JSON, whether it came as JSON or as a multipart form. */
final class CallBody {

	/** A part of a multipart body: its name, its file name if a file, its content (up to the next boundary). */
	private static final Pattern MULTIPART_PART = Pattern.compile(
			"name=\"([^\"]+)\"(?:; filename=\"([^\"]*)\")?\\r\\n(?:[^\\r\\n]+\\r\\n)*?\\r\\n(.*?)\\r\\n--", Pattern.DOTALL);

	private CallBody() {
	}

	/** {@code raw} as JSON; a multipart body's text parts as fields, each file as {@code <name>_file}: its file name. */
	static JsonNode parse(String contentType, String raw) {
		if (contentType.startsWith("multipart/")) {
			ObjectNode node = TelegramJson.mapper().createObjectNode();
			Matcher part = MULTIPART_PART.matcher(raw);
			while (part.find()) {
				String name = part.group(1);
				if (part.group(2) != null) {
					node.put(name + "_file", part.group(2));
				}
				else if (name.equals("chat_id")) {
					node.put(name, Long.parseLong(part.group(3)));
				}
				else {
					node.set(name, name.equals("reply_markup") ? TelegramJson.mapper().readTree(part.group(3))
							: node.stringNode(part.group(3)));
				}
			}
			node.put("multipart", raw);
			return node;
		}
		return raw.isBlank() ? TelegramJson.mapper().createObjectNode() : TelegramJson.mapper().readTree(raw);
	}
}

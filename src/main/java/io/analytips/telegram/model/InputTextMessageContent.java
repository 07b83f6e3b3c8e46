package io.analytips.telegram.model;

/** The message an inline result sends to the chat when chosen: HTML text, link previews off. */
public record InputTextMessageContent(String messageText, String parseMode, LinkPreviewOptions linkPreviewOptions) {

	public static InputTextMessageContent html(String text) {
		return new InputTextMessageContent(text, "HTML", LinkPreviewOptions.DISABLED);
	}
}

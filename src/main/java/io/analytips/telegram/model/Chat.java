package io.analytips.telegram.model;

/** A chat: {@code private}, {@code group}, {@code supergroup} or {@code channel}. */
public record Chat(long id, String type, String title, String username, String firstName) {

	/** Whether Telegram applies its group limit (about 20 messages per minute) to this chat. */
	public boolean isGroup() {
		return "group".equals(type) || "supergroup".equals(type) || "channel".equals(type);
	}
}

package io.analytips.telegram.model;

/** One size of a photo Telegram holds: its {@code file_id} sends it again (by the same bot). */
public record PhotoSize(String fileId, String fileUniqueId, int width, int height, Long fileSize) {
}

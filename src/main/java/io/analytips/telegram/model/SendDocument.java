package io.analytips.telegram.model;

import java.util.Objects;

/** {@code sendDocument} with the file uploaded as multipart form data. */
public record SendDocument(long chatId, String fileName, byte[] content, String caption) {

	public SendDocument {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(content, "content");
	}

	public SendDocument withChatId(long newChatId) {
		return new SendDocument(newChatId, fileName, content, caption);
	}
}

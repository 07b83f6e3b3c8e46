package io.analytips.telegram.model;

/** Link preview settings of a message. */
public record LinkPreviewOptions(Boolean isDisabled) {

	public static final LinkPreviewOptions DISABLED = new LinkPreviewOptions(true);
}

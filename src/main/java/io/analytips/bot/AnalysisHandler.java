package io.analytips.bot;

import java.util.Locale;

import io.analytips.football.AnalysisKind;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/**
 * An analysis button ({@code a:<fixture>:<kind>}, or {@code at:<fixture>} under a full analysis's picture for its
 * text): sends that analysis ({@link AnalysisReplies}).
 */
final class AnalysisHandler implements Handler {

	private final AnalysisReplies replies;

	AnalysisHandler(AnalysisReplies replies) {
		this.replies = replies;
	}

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData data = CallbackData.parse(context.callbackData());
		return data != null && (data.isAtLeast(CallbackData.ANALYSIS, 2) && AnalysisKind.of(data.arguments().get(1)) != null
				|| data.isAtLeast(CallbackData.ANALYSIS_TEXT, 1) && data.arguments().get(0).matches("\\d{1,12}"));
	}

	@Override
	public String action(UpdateContext context) {
		CallbackData data = CallbackData.parse(context.callbackData());
		return data.action().equals(CallbackData.ANALYSIS_TEXT) ? "analysis_text"
				: "analysis_" + AnalysisKind.of(data.arguments().get(1)).name().toLowerCase(Locale.ROOT);
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		boolean asText = pressed.action().equals(CallbackData.ANALYSIS_TEXT);
		AnalysisKind kind = asText ? AnalysisKind.FULL : AnalysisKind.of(pressed.arguments().get(1));
		return replies.send(context, pressed.longArgument(0), kind, asText,
				pressed.origin(asText ? 1 : 2, CallbackData.TODAY));
	}
}

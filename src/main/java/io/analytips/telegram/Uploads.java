package io.analytips.telegram;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendPhoto;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;

/**
 * The bodies of the calls that upload a file ({@code sendDocument}, {@code sendPhoto}): multipart form data, with
 * boundaries from a generator seeded once ({@link SeededMultipartWriter}); and a photo sent again by its file_id, as
 * JSON.
 */
final class Uploads {

	private static final ResolvableType MULTIPART_BODY = ResolvableType.forClassWithGenerics(MultiValueMap.class,
			String.class, HttpEntity.class);

	private final SecureRandom boundaries = SeededMultipartWriter.seeded();

	BodyInserter<Object, ClientHttpRequest> body(MultipartBodyBuilder parts) {
		MultiValueMap<String, HttpEntity<?>> body = parts.build();
		return (message, context) -> new SeededMultipartWriter(context.messageWriters(), boundaries)
			.write(Mono.just(body), MULTIPART_BODY, MediaType.MULTIPART_FORM_DATA, message, Map.of());
	}

	static MultipartBodyBuilder document(SendDocument request) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("chat_id", Long.toString(request.chatId()));
		if (request.caption() != null) {
			parts.part("caption", request.caption());
		}
		parts.part("document", request.content())
			.filename(request.fileName())
			.contentType(MediaType.APPLICATION_OCTET_STREAM);
		return parts;
	}

	/** An uploaded photo: the PNG, its caption in HTML and its buttons (as JSON, the Bot API's way in a form). */
	static MultipartBodyBuilder photo(SendPhoto request) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("chat_id", Long.toString(request.chatId()));
		parts.part("caption", request.caption());
		parts.part("parse_mode", "HTML");
		if (request.replyMarkup() != null) {
			parts.part("reply_markup", TelegramJson.mapper().writeValueAsString(request.replyMarkup()));
		}
		if (request.messageThreadId() != null) {
			parts.part("message_thread_id", request.messageThreadId().toString());
		}
		if (request.replyParameters() != null) {
			parts.part("reply_parameters", TelegramJson.mapper().writeValueAsString(request.replyParameters()));
		}
		parts.part("photo", request.content()).filename(request.fileName()).contentType(MediaType.IMAGE_PNG);
		return parts;
	}

	/** A photo sent again by its file_id: a JSON body. */
	static Map<String, Object> photoById(SendPhoto request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("chat_id", request.chatId());
		body.put("photo", request.fileId());
		body.put("caption", request.caption());
		body.put("parse_mode", "HTML");
		if (request.replyMarkup() != null) {
			body.put("reply_markup", request.replyMarkup());
		}
		if (request.messageThreadId() != null) {
			body.put("message_thread_id", request.messageThreadId());
		}
		if (request.replyParameters() != null) {
			body.put("reply_parameters", request.replyParameters());
		}
		return body;
	}
}

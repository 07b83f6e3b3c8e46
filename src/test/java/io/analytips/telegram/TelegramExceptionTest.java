package io.analytips.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramExceptionTest {

	@Test
	void classifiesByErrorCodeAsDesignSection3Says() {
		assertThat(new TelegramException(400, "Bad Request", null, null)).satisfies(ex -> {
			assertThat(ex.kind()).isEqualTo(TelegramException.Kind.BAD_REQUEST);
			assertThat(ex.isRetryable()).isFalse();
		});
		assertThat(new TelegramException(401, "Unauthorized", null, null).isFatal()).isTrue();
		assertThat(new TelegramException(404, "Not Found", null, null).isFatal()).isTrue();
		assertThat(new TelegramException(403, "Forbidden", null, null).isRetryable()).isFalse();
		assertThat(new TelegramException(409, "Conflict", null, null).isRetryable()).isTrue();
		assertThat(new TelegramException(409, "Conflict", null, null).isFatal()).isFalse();
		TelegramException throttled = new TelegramException(429, "Too Many Requests", Duration.ofSeconds(3), null);
		assertThat(throttled.isRetryable()).isTrue();
		assertThat(throttled.retryAfter()).hasSeconds(3);
		assertThat(new TelegramException(502, "Bad Gateway", null, null).kind())
			.isEqualTo(TelegramException.Kind.SERVER_ERROR);
		assertThat(new TelegramException(400, "migrated", null, -100123L).migrateToChatId()).isEqualTo(-100123L);
	}

	@Test
	void onlyATimeoutMayHaveBeenExecuted() {
		assertThat(TelegramException.io(TelegramException.Kind.TIMEOUT, "t", null).mayHaveBeenExecuted()).isTrue();
		assertThat(TelegramException.io(TelegramException.Kind.NETWORK, "n", null).mayHaveBeenExecuted()).isFalse();
		assertThat(new TelegramException(500, "x", null, null).mayHaveBeenExecuted()).isFalse();
	}
}

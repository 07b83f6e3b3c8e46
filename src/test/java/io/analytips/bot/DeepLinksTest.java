package io.analytips.bot;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Deep-link payloads: what this bot's links carry is read back; anything anyone else can type is no link. */
class DeepLinksTest {

	@Test
	void readsBackTheLinksItMakes() {
		assertThat(DeepLinks.parse(DeepLinks.fixture(1_234_567))).contains(new DeepLinks.Link(DeepLinks.Kind.FIXTURE, 1_234_567));
		assertThat(DeepLinks.parse("t127")).contains(new DeepLinks.Link(DeepLinks.Kind.TEAM, 127));
		assertThat(DeepLinks.parse("f999999999999")).map(DeepLinks.Link::id).contains(999_999_999_999L);
	}

	@Test
	void aLinkOpensThePrivateChatWithThePayload() {
		assertThat(DeepLinks.url("analytips_bot", DeepLinks.fixture(42))).isEqualTo("https://t.me/analytips_bot?start=f42");
		assertThat(DeepLinks.url("", "f42")).as("a bot without a username has no link").isNull();
		assertThat(DeepLinks.fixture(Long.MAX_VALUE / 10_000_000)).hasSizeLessThanOrEqualTo(DeepLinks.MAX_LENGTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "f", "t", "x123", "F123", "f0", "f0123", "f-1", "f+1", "t-99", "f1.5", "f1e9",
			"f9223372036854775807", "f99999999999999999999999", "f1234567890123", "f12 ", " f12", "f12\n", "f12\u0000",
			"f１２", "f\u0661\u0662", "fé", "../../etc/passwd", "f12/../t1", "f12;DROP TABLE users", "f1' OR '1'='1",
			"<script>alert(1)</script>", "f%31", "f1%00", "t12_", "f1-2", "ff12", "f12t3", "\u202Ef12" })
	void anythingElseIsNoLinkAndNeverThrows(String hostile) {
		assertThat(DeepLinks.parse(hostile)).isEmpty();
	}

	@Test
	void aPayloadLongerThanTelegramAllowsIsNoLinkEvenWhenItLooksLikeOne() {
		assertThat(DeepLinks.parse("f" + "1".repeat(DeepLinks.MAX_LENGTH))).isEmpty();
		assertThat(DeepLinks.parse("a".repeat(10_000))).isEmpty();
		assertThat(DeepLinks.parse(null)).isEqualTo(Optional.empty());
	}

	@Test
	void refusesToMakeALinkToWhatNoLinkCarries() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeepLinks.fixture(0));
		assertThatIllegalArgumentException().isThrownBy(() -> DeepLinks.fixture(-5));
		assertThatIllegalArgumentException().isThrownBy(() -> DeepLinks.fixture(Long.MAX_VALUE));
	}
}

package io.analytips.bot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Button data: what the bot makes, where a screen was opened from, and nothing it did not make. */
class CallbackDataTest {

	@Test
	void aFixtureOpenedFromAListRemembersTheList() {
		String data = Menus.fixture(3_900_871, "l:39:1");
		assertThat(data).isEqualTo("f:3900871:l:39:1");
		CallbackData parsed = CallbackData.parse(data);
		assertThat(parsed.isAtLeast(CallbackData.FIXTURE, 1)).isTrue();
		assertThat(parsed.longArgument(0)).isEqualTo(3_900_871);
		assertThat(parsed.origin(1, CallbackData.TODAY)).isEqualTo("l:39:1");
	}

	@Test
	void everyScreenABackButtonReturnsToIsAnOrigin() {
		for (String origin : new String[] { "m", "t", "lg", "l:39:0", "lh:71", "ln:71:2", "tm:71005", "r", "s" }) {
			assertThat(CallbackData.parse("f:1:" + origin).origin(1, "fallback")).as(origin).isEqualTo(origin);
		}
	}

	@Test
	void anOriginThatIsMissingMalformedOrNotAScreenFallsBack() {
		assertThat(CallbackData.parse("f:1").origin(1, "t")).isEqualTo("t");
		assertThat(CallbackData.parse("f:1:l:39").origin(1, "t")).isEqualTo("t");
		assertThat(CallbackData.parse("f:1:a:2:full").origin(1, "t")).isEqualTo("t");
		assertThat(CallbackData.parse("f:1:tm:abc").origin(1, "t")).isEqualTo("t");
		assertThat(CallbackData.parse("f:1:zz").origin(1, "t")).isEqualTo("t");
	}

	@Test
	void dataTheBotDidNotMakeIsNothing() {
		assertThat(CallbackData.parse(null)).isNull();
		assertThat(CallbackData.parse("")).isNull();
		assertThat(CallbackData.parse("f:<b>")).isNull();
		assertThat(CallbackData.parse("a:" + "1".repeat(70))).isNull();
	}

	@Test
	void theLongestDataTheBotMakesFitsTelegramsLimit() {
		String longest = CallbackData.from("ln:135:99", CallbackData.ANALYSIS, 999_999_999_999L, "corners");
		assertThat(longest.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
		assertThat(CallbackData.parse(longest).origin(2, "t")).isEqualTo("ln:135:99");
	}
}

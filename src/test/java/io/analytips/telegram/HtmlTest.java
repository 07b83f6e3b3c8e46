package io.analytips.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

	@Test
	void escapesOnlyWhatTelegramNeeds() {
		assertThat(Html.escape("<b>Tom & \"Jerry\"</b>")).isEqualTo("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;");
		assertThat(Html.escape("São Paulo é campeão")).isEqualTo("São Paulo é campeão");
		assertThat(Html.escape(null)).isEmpty();
	}

	@Test
	void shortensBeforeEscaping() {
		assertThat(Html.escapeShort("<script>", 4)).isEqualTo("&lt;sc…");
		assertThat(Html.escapeShort("ok", 10)).isEqualTo("ok");
	}
}

package io.analytips.football.sim.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvParserTest {

	@Test
	void splitsUnquotedFieldsOnCommas() {
		assertThat(CsvParser.parse("a,b,c\n1,2,3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
	}

	@Test
	void keepsCommasInsideQuotedFields() {
		assertThat(CsvParser.parse("\"Santos, SP\",\"1\"")).containsExactly(List.of("Santos, SP", "1"));
	}

	@Test
	void readsDoubledQuotesAsOneQuote() {
		assertThat(CsvParser.parse("\"say \"\"hi\"\"\",x")).containsExactly(List.of("say \"hi\"", "x"));
	}

	@Test
	void keepsLineBreaksInsideQuotedFields() {
		assertThat(CsvParser.parse("\"two\r\nlines\",x\r\ny,z")).containsExactly(List.of("two\r\nlines", "x"),
				List.of("y", "z"));
	}

	@Test
	void dropsTheByteOrderMark() {
		assertThat(CsvParser.parse("\uFEFFCountry,League\r\nBrazil,Serie A\r\n").get(0)).containsExactly("Country",
				"League");
	}

	@Test
	void acceptsCrlfLfAndCrLineEnds() {
		assertThat(CsvParser.parse("a\r\nb\nc\rd")).containsExactly(List.of("a"), List.of("b"), List.of("c"),
				List.of("d"));
	}

	@Test
	void skipsEmptyLinesIncludingTrailingOnes() {
		assertThat(CsvParser.parse("a,b\r\n\r\n1,2\r\n\r\n\r\n")).containsExactly(List.of("a", "b"), List.of("1", "2"));
	}

	@Test
	void keepsEmptyFieldsBetweenAndAfterCommas() {
		assertThat(CsvParser.parse(",x,,\n")).containsExactly(List.of("", "x", "", ""));
	}

	@Test
	void readsAnEmptyQuotedFieldAsEmpty() {
		assertThat(CsvParser.parse("\"\",\"a\"")).containsExactly(List.of("", "a"));
	}

	@Test
	void keepsAStrayQuoteInsideAnUnquotedFieldAsText() {
		assertThat(CsvParser.parse("Nott'm Forest,a\"b")).containsExactly(List.of("Nott'm Forest", "a\"b"));
	}

	@Test
	void readsNothingFromEmptyText() {
		assertThat(CsvParser.parse("")).isEmpty();
		assertThat(CsvParser.parse("\uFEFF")).isEmpty();
	}

	@Test
	void rejectsAQuotedFieldThatNeverCloses() {
		assertThatIllegalArgumentException().isThrownBy(() -> CsvParser.parse("a\n\"open,b\n"))
			.withMessageContaining("record 2");
	}
}

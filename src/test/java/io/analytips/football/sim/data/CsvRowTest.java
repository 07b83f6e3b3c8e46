package io.analytips.football.sim.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CsvRowTest {

	private static CsvRow onlyRow(String text) {
		CsvTable table = CsvTable.parse("test.csv", text);
		assertThat(table.rows()).hasSize(1);
		return table.rows().get(0);
	}

	@Test
	void readsCellsByColumnName() {
		CsvRow row = onlyRow("Home,HG,PSCH\r\nSantos,2,1.85\r\n");
		assertThat(row.text("Home")).isEqualTo("Santos");
		assertThat(row.integer("HG")).isEqualTo(2);
		assertThat(row.decimal("PSCH")).isEqualTo(1.85);
	}

	@Test
	void readsBlankCellsAndMissingColumnsAsNull() {
		CsvRow row = onlyRow("a,b,c\n1, ,\n");
		assertThat(row.text("b")).isNull();
		assertThat(row.integer("c")).isNull();
		assertThat(row.decimal("c")).isNull();
		assertThat(row.text("Time")).isNull();
	}

	@Test
	void readsNoneAsAMissingNumberButKeepsItAsText() {
		CsvRow row = onlyRow("\"posse_de_bola\",\"chutes\"\n\"None\",\"None\"\n");
		assertThat(row.integer("posse_de_bola")).isNull();
		assertThat(row.decimal("chutes")).isNull();
		assertThat(row.text("chutes")).isEqualTo("None");
	}

	@Test
	void dropsThePercentSignOfAPossession() {
		assertThat(onlyRow("posse_de_bola\n\"45%\"\n").integer("posse_de_bola")).isEqualTo(45);
		assertThat(onlyRow("posse_de_bola\n45\n").integer("posse_de_bola")).isEqualTo(45);
	}

	@Test
	void toleratesARowShorterThanTheHeader() {
		assertThat(onlyRow("a,b,c\n1\n").text("c")).isNull();
	}

	@Test
	void dropsRowsOfOnlyBlankCells() {
		assertThat(CsvTable.parse("test.csv", "a,b\n1,2\n,\n , \n").rows()).hasSize(1);
	}

	@Test
	void namesFileRecordAndColumnWhenANumberIsMalformed() {
		CsvTable table = CsvTable.parse("E0.csv", "FTHG\n1\nx\n");
		assertThatIllegalStateException().isThrownBy(() -> table.rows().get(1).integer("FTHG"))
			.withMessage("E0.csv record 3: FTHG is not a whole number: x");
	}

	@Test
	void failsWhenARequiredCellIsBlank() {
		assertThatIllegalStateException().isThrownBy(() -> onlyRow("Date,HG\n,None\n").required("Date"))
			.withMessageContaining("Date is blank");
		assertThatIllegalStateException().isThrownBy(() -> onlyRow("Date,HG\nx,None\n").requiredInteger("HG"))
			.withMessageContaining("HG is blank");
	}
}

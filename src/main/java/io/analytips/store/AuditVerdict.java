package io.analytips.store;

/**
 * What {@link AuditVerification} found: an intact chain of {@code rows} rows, or the first row
 * that was altered or removed ({@code firstBadRow}) and why.
 */
public record AuditVerdict(long rows, Long firstBadRow, String problem) {

	static AuditVerdict intact(long rows) {
		return new AuditVerdict(rows, null, null);
	}

	public boolean isIntact() {
		return firstBadRow == null;
	}

	@Override
	public String toString() {
		return isIntact() ? "audit_log intact: " + rows + " rows, every hash and link verified"
				: "audit_log TAMPERED at row " + firstBadRow + ": " + problem;
	}
}

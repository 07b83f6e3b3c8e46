package io.analytips.ops.admin;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may run admin commands ({@code analytips.admin.*}).
 *
 * @param adminIds {@code ADMIN_IDS}: Telegram user ids with every admin command
 * @param operatorIds {@code OPERATOR_IDS}: user ids that may read {@code /status}
 * @param apiToken {@code ADMIN_API_TOKEN}: the bearer token of the admin HTTP API; without one the
 * API refuses everybody
 */
@ConfigurationProperties("analytips.admin")
@Validated
public record AdminProperties(List<@Positive(message = USER_IDS) Long> adminIds,
		List<@Positive(message = USER_IDS) Long> operatorIds,
		@Pattern(regexp = "^$|^[\\x21-\\x7E]{32,}$", message = "must be at least 32 printable characters without spaces") String apiToken) {

	/** What a list of Telegram user ids looks like. */
	static final String USER_IDS = "must be Telegram user ids (a person's, not a group's) like 123456789,987654321";

	public AdminProperties {
		adminIds = adminIds == null ? List.of() : List.copyOf(adminIds);
		operatorIds = operatorIds == null ? List.of() : List.copyOf(operatorIds);
		apiToken = apiToken == null ? "" : apiToken;
	}

	/** Whether the admin HTTP API can be used at all. */
	boolean apiEnabled() {
		return !apiToken.isEmpty();
	}

	@Override
	public String toString() {
		return "AdminProperties[adminIds=" + adminIds + ", operatorIds=" + operatorIds + ", apiToken=" + (apiEnabled() ? "(set)" : "(unset)") + "]";
	}

	boolean isAdmin(long userId) {
		return adminIds.contains(userId);
	}

	boolean mayReadStatus(long userId) {
		return isAdmin(userId) || Set.copyOf(operatorIds).contains(userId);
	}
}

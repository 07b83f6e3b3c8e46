package io.analytips.ops;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may run admin commands ({@code analytips.admin.*}).
 *
 * @param adminIds {@code ADMIN_IDS}: Telegram user ids with every admin command
 * @param operatorIds {@code OPERATOR_IDS}: user ids that may read {@code /status}
 */
@ConfigurationProperties("analytips.admin")
public record AdminProperties(List<Long> adminIds, List<Long> operatorIds) {

	public AdminProperties {
		adminIds = adminIds == null ? List.of() : List.copyOf(adminIds);
		operatorIds = operatorIds == null ? List.of() : List.copyOf(operatorIds);
	}

	boolean isAdmin(long userId) {
		return adminIds.contains(userId);
	}

	boolean mayReadStatus(long userId) {
		return isAdmin(userId) || Set.copyOf(operatorIds).contains(userId);
	}
}

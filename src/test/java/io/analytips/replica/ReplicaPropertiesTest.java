package io.analytips.replica;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The replica id's fallbacks and the heartbeat's bounds. */
class ReplicaPropertiesTest {

	@Test
	void aGivenIdIsKept() {
		assertThat(new ReplicaProperties("bot-1", Duration.ofSeconds(1)).id()).isEqualTo("bot-1");
	}

	@Test
	void withoutAnIdTheHostnameVariableIsTaken() {
		assertThat(ReplicaProperties.defaultId(Map.of("HOSTNAME", "analytips-7d9f-x2k")::get, () -> "ignored", 1))
			.isEqualTo("analytips-7d9f-x2k");
		assertThat(ReplicaProperties.defaultId(Map.of("HOSTNAME", " -web 01/a ")::get, () -> "ignored", 1))
			.isEqualTo("web-01-a");
	}

	@Test
	void withoutEitherTheHostsNameGetsARandomSuffix() {
		assertThat(ReplicaProperties.defaultId(Map.<String, String>of()::get, () -> "box", 0xabcdef)).isEqualTo("box-abcdef");
		assertThat(ReplicaProperties.defaultId(Map.of("HOSTNAME", "  ")::get, () -> null, 0x123456))
			.isEqualTo("analytips-123456");
		assertThat(ReplicaProperties.defaultId(Map.<String, String>of()::get, () -> "x".repeat(300), 0x10))
			.hasSize(107)
			.matches(ReplicaProperties.ID);
	}

	@Test
	void aBlankIdIsReplacedByOneThatFits() {
		assertThat(new ReplicaProperties("", Duration.ofSeconds(1)).id()).matches(ReplicaProperties.ID);
		assertThat(new ReplicaProperties(null, Duration.ofSeconds(1)).id()).matches(ReplicaProperties.ID);
	}

	@Test
	void theHeartbeatIsBetween100MillisecondsAndAMinute() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaProperties("a", Duration.ofMillis(99)))
			.withMessageContaining("analytips.replica.heartbeat");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaProperties("a", Duration.ofSeconds(61)));
		assertThat(new ReplicaProperties("a", Duration.ofMillis(100)).heartbeat()).isEqualTo(Duration.ofMillis(100));
	}
}

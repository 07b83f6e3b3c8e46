package io.analytips.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A group's sliding minute: never more than its limit in any window, places given back, reservations in order. */
class GroupWindowTest {

	private static final long MINUTE = 60_000;

	private final GroupWindow window = new GroupWindow(3, MINUTE);

	@Test
	void theSendBeyondTheLimitGoesWhenTheOldestLeavesTheWindow() {
		assertThat(window.reserve(0, 0)).isZero();
		assertThat(window.reserve(10, 10)).isEqualTo(10);
		assertThat(window.reserve(20, 20)).isEqualTo(20);
		assertThat(window.reserve(30, 30)).isEqualTo(MINUTE); // the send at 0 leaves the window at 60 000
		assertThat(window.reserve(40, 40)).isEqualTo(MINUTE + 10);
		assertThat(window.clearsAt()).isEqualTo(MINUTE + 10 + MINUTE);
	}

	@Test
	void aReservationIsNeverBeforeTheOneBeforeIt() {
		assertThat(window.reserve(0, 500)).isEqualTo(500);
		assertThat(window.reserve(0, 100)).isEqualTo(500);
	}

	@Test
	void aPlaceGivenBackIsFreeAgain() {
		window.reserve(0, 0);
		window.reserve(10, 10);
		long third = window.reserve(20, 20);
		window.giveBack(third);
		assertThat(window.reserve(30, 30)).isEqualTo(30);
	}

	@Test
	void anEmptyWindowClearsAtOnceAndSendsOlderThanAMinuteAreForgotten() {
		assertThat(window.clearsAt()).isZero();
		window.reserve(0, 0);
		window.reserve(10, 10);
		window.reserve(20, 20);
		assertThat(window.reserve(2 * MINUTE, 2 * MINUTE)).isEqualTo(2 * MINUTE);
	}
}

package io.analytips.support.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JvmCountersTest {

	@Test
	void sumsTheAllocationAndEveryCollectorsPausesOfAnExposition() {
		String exposition = """
				# HELP jvm_gc_memory_allocated_bytes_total Incremented for an increase in the size of the young generation
				# TYPE jvm_gc_memory_allocated_bytes_total counter
				jvm_gc_memory_allocated_bytes_total 1.5E9
				# TYPE jvm_gc_pause_seconds summary
				jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 180
				jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 1.052
				jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.496 1733540000000
				jvm_gc_pause_seconds_max{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.2
				""";

		JvmCounters.Reading reading = JvmCounters.parse(exposition);

		assertThat(reading.allocatedBytes()).isEqualTo(1.5e9);
		assertThat(reading.gcPauseSeconds()).isCloseTo(1.548, within(1e-9));
	}

	@Test
	void readsZeroFromAJvmThatHasNotCollectedYet() {
		assertThat(JvmCounters.parse("# TYPE jvm_threads_live_threads gauge\njvm_threads_live_threads 36\n"))
			.isEqualTo(new JvmCounters.Reading(0, 0));
	}
}

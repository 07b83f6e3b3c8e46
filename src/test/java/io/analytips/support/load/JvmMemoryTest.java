package io.analytips.support.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JvmMemoryTest {

	@Test
	void readsG1sWholeHeap() {
		String g1 = """
				12345:
				 garbage-first heap   total 262144K, used 109876K [0x00000000e0000000, 0x0000000100000000)
				  region size 1024K, 3 young (3072K), 0 survivors (0K)
				 Metaspace       used 80123K, committed 80640K, reserved 1122304K
				""";
		assertThat(JvmMemory.heapUsedKb(g1)).isEqualTo(109_876);
	}

	@Test
	void addsSerialsYoungAndOldGenerationsButNotTheirSpacesOrMetaspace() {
		String serial = """
				25131:
				 def new generation   total 116160K, used 24791K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
				  eden space 103296K,  24% used [0x0000000687400000, 0x0000000688c35ef0, 0x000000068d8e0000)
				  from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
				 tenured generation   total 258048K, used 100000K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
				   the space 258048K,  38% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000704d50200, 0x0000000714950000)
				 Metaspace       used 8957K, committed 9152K, reserved 1114112K
				""";
		assertThat(JvmMemory.heapUsedKb(serial)).isEqualTo(124_791);
	}

	@Test
	void refusesAnOutputWithNoHeapFigure() {
		assertThatIllegalStateException().isThrownBy(() -> JvmMemory.heapUsedKb("25131:\nNo such process\n"))
			.withMessageContaining("No such process");
	}
}

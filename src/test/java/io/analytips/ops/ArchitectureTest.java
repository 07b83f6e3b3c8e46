package io.analytips.ops;

import java.time.Clock;
import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.analytips.common.Clocks;
import io.analytips.ops.admin.AdminProperties;
import io.analytips.support.MainClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package arrows of docs/architecture.md, "Packages": bot → pipeline → telegram, bot → football,
 * everything may use store and common, ops may read all, and nothing points back. Inside ops, each
 * folder uses only the folders it needs (logs, startup and metrics none; health metrics; admin logs;
 * alerts admin's AdminProperties), without cycles. The offline backtest reads the bundled historical data
 * ({@code football.sim.data}) and the model, and nothing else of ours. Inside the pipeline and the replicas, the
 * folders' own rules are {@code pipeline.PipelineFoldersTest} and {@code replica.ReplicaFoldersTest}.
 * Time comes from an injected {@link Clock}: only the clock adapter reads the machine's, so no test
 * depends on the day it runs.
 */
class ArchitectureTest {

	private final JavaClasses classes = MainClasses.all();

	@Test
	void theTransportKnowsNothingOfThePipelineTheBotOrTheStore() {
		noClasses().that().resideInAPackage("io.analytips.telegram..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.pipeline..", "io.analytips.bot..",
					"io.analytips.store..", "io.analytips.ops..", "io.analytips.football..")
			.check(classes);
	}

	@Test
	void thePipelineKnowsNothingOfTheBotOrFootball() {
		noClasses().that().resideInAPackage("io.analytips.pipeline..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.bot..", "io.analytips.football..",
					"io.analytips.ops..")
			.check(classes);
	}

	@Test
	void theStoreAndCommonDependOnNothingOfOurs() {
		noClasses().that().resideInAnyPackage("io.analytips.store..", "io.analytips.common..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.telegram..", "io.analytips.pipeline..",
					"io.analytips.bot..", "io.analytips.ops..", "io.analytips.football..", "io.analytips.replica..")
			.check(classes);
	}

	@Test
	void theHostBuildsBotsFromThePipelineTheTransportAndTheStoreAndKnowsNoHandlerNorOperation() {
		noClasses().that().resideInAPackage("io.analytips.host..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.bot..", "io.analytips.ops..",
					"io.analytips.football..", "io.analytips.console..", "io.analytips.backtest..")
			.check(classes);
		noClasses().that().resideInAnyPackage("io.analytips.pipeline..", "io.analytips.telegram..", "io.analytips.store..",
				"io.analytips.common..")
			.should().dependOnClassesThat().resideInAPackage("io.analytips.host..")
			.check(classes);
	}

	@Test
	void onlyOpsAndTheApplicationMayReadOps() {
		noClasses().that().resideOutsideOfPackages("io.analytips.ops..", "io.analytips", "io.analytips.cli..")
			.should().dependOnClassesThat().resideInAPackage("io.analytips.ops..")
			.check(classes);
	}

	/** Classes of ops (its own package or a folder) outside the given folders. */
	private static DescribedPredicate<JavaClass> opsOutside(String... folders) {
		String[] allowed = Arrays.stream(folders).map(folder -> "io.analytips.ops." + folder + "..").toArray(String[]::new);
		return resideInAPackage("io.analytips.ops..").and(resideOutsideOfPackages(allowed))
			.as("reside in ops outside ops." + String.join(", ops.", folders));
	}

	@Test
	void theOpsFoldersHaveNoCycles() {
		slices().matching("io.analytips.ops.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theLogPlumbingStandsAlone() {
		// Installed from spring.factories before the context exists: nothing of ours but the outcome codes.
		noClasses().that().resideInAPackage("io.analytips.ops.logs..")
			.should().dependOnClassesThat(resideInAPackage("io.analytips..")
				.and(resideOutsideOfPackages("io.analytips.ops.logs..", "io.analytips.pipeline.."))
				.as("are ours, outside ops.logs and pipeline"))
			.check(classes);
	}

	@Test
	void theStartupChecksUseNoOtherOpsFolder() {
		noClasses().that().resideInAPackage("io.analytips.ops.startup..")
			.should().dependOnClassesThat(opsOutside("startup"))
			.check(classes);
	}

	@Test
	void theMetricsUseNoOtherOpsFolder() {
		noClasses().that().resideInAPackage("io.analytips.ops.metrics..")
			.should().dependOnClassesThat(opsOutside("metrics"))
			.check(classes);
	}

	@Test
	void theHealthIndicatorsReadOnlyTheMetricsOfOps() {
		// The inbox backlog as the metrics last counted it; nothing of admin, alerts, logs or startup.
		noClasses().that().resideInAPackage("io.analytips.ops.health..")
			.should().dependOnClassesThat(opsOutside("health", "metrics"))
			.check(classes);
	}

	@Test
	void theAdminReadsOnlyTheLogsOfOps() {
		noClasses().that().resideInAPackage("io.analytips.ops.admin..")
			.should().dependOnClassesThat(opsOutside("admin", "logs"))
			.check(classes);
	}

	@Test
	void theAlertsReadOnlyWhoTheAdminsAre() {
		noClasses().that().resideInAPackage("io.analytips.ops.alerts..")
			.should().dependOnClassesThat(opsOutside("alerts").and(not(equivalentTo(AdminProperties.class)))
				.as("reside in ops outside ops.alerts, AdminProperties aside"))
			.check(classes);
	}

	@Test
	void followingKnowsNothingOfTheBotsWordsNorTheOperators() {
		// the alerts find each bot's outbound through the host; their words are the bot's (AlertTexts)
		noClasses().that().resideInAPackage("io.analytips.follow..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.bot..", "io.analytips.ops..",
					"io.analytips.console..", "io.analytips.pipeline..")
			.check(classes);
	}

	@Test
	void thePictureDrawsFootballForTheBotAndKnowsNeitherTheBotNorTelegram() {
		// the bot passes its words in (PictureLabels) and sends the photo (PhotoSender); the file_ids are the store's
		noClasses().that().resideInAPackage("io.analytips.picture..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.bot..", "io.analytips.telegram..",
					"io.analytips.pipeline..", "io.analytips.ops..", "io.analytips.console..", "io.analytips.follow..",
					"io.analytips.host..", "io.analytips.football.cache..")
			.check(classes);
		noClasses().that().resideInAnyPackage("io.analytips.football..", "io.analytips.store..", "io.analytips.common..",
				"io.analytips.telegram..", "io.analytips.pipeline..", "io.analytips.console..", "io.analytips.follow..")
			.should().dependOnClassesThat().resideInAPackage("io.analytips.picture..")
			.check(classes);
	}

	@Test
	void onlyThePictureAndTheOfflineBacktestUseJava2D() {
		// drawing blocks: in the bot it stays on the picture's own pool, whose one way in is Pictures
		noClasses().that().resideOutsideOfPackages("io.analytips.picture..", "io.analytips.backtest..")
			.should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..")
			.check(classes);
	}

	@Test
	void theAnalysisModelIsPureJava() {
		noClasses().that().resideInAPackage("io.analytips.football.analysis..")
			.should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.analytips.football.analysis..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void theApiFootballClientKnowsNothingElseOfOurs() {
		noClasses().that().resideInAPackage("io.analytips.football.api..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.telegram..", "io.analytips.pipeline..",
					"io.analytips.bot..", "io.analytips.store..", "io.analytips.ops..", "io.analytips.football.cache..",
					"io.analytips.football.sim..", "io.analytips.football.analysis..")
			.check(classes);
	}

	@Test
	void footballKnowsNothingOfTelegramThePipelineOrTheBot() {
		noClasses().that().resideInAPackage("io.analytips.football..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.telegram..", "io.analytips.pipeline..",
					"io.analytips.bot..", "io.analytips.ops..", "io.analytips.console..")
			.check(classes);
	}

	@Test
	void onlyTheDemoWiringUsesTheSimulator() {
		noClasses().that().resideOutsideOfPackages("io.analytips.football.sim..", "io.analytips", "io.analytips.cli..",
				"io.analytips.backtest..")
			.should().dependOnClassesThat().resideInAPackage("io.analytips.football.sim..")
			.check(classes);
	}

	@Test
	void theBacktestReadsTheHistoricalDataButNotTheSimulator() {
		noClasses().that().resideInAPackage("io.analytips.backtest..")
			.should().dependOnClassesThat().resideInAnyPackage("io.analytips.football.sim", "io.analytips.telegram..",
					"io.analytips.pipeline..", "io.analytips.bot..", "io.analytips.store..", "io.analytips.ops..")
			.allowEmptyShould(true)
			.check(classes);
	}

	/** Reads of the machine's clock: Clock's system clocks, any java.time {@code now} without a Clock, {@code System.currentTimeMillis}. */
	static final DescribedPredicate<JavaMethodCall> READS_THE_WALL_CLOCK = new DescribedPredicate<>(
			"reads the machine's clock instead of an injected Clock") {
		@Override
		public boolean test(JavaMethodCall call) {
			String owner = call.getTarget().getOwner().getName();
			String name = call.getTarget().getName();
			if (owner.equals(Clock.class.getName())) {
				return name.startsWith("system");
			}
			if (owner.equals(System.class.getName())) {
				return name.equals("currentTimeMillis");
			}
			return owner.startsWith("java.time.") && name.equals("now")
					&& call.getTarget().getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
		}
	};

	/** The above, or the adapter's {@link Clocks#system()}: what a test must never do. */
	static final DescribedPredicate<JavaMethodCall> READS_THE_WALL_CLOCK_IN_A_TEST = READS_THE_WALL_CLOCK
		.or(DescribedPredicate.describe("calls Clocks.system()", (JavaMethodCall call) -> call.getTarget()
			.getOwner()
			.isEquivalentTo(Clocks.class) && call.getTarget().getName().equals("system")));

	@Test
	void onlyTheClockAdapterReadsTheWallClock() {
		noClasses().that().doNotHaveFullyQualifiedName(Clocks.class.getName())
			.should().callMethodWhere(READS_THE_WALL_CLOCK)
			.because("time comes from the injected Clock, so that tests can fix it")
			.check(classes);
	}

	@Test
	void testsNeverReadTheWallClock() {
		JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("io.analytips");
		noClasses().that().haveSimpleNameNotEndingWith("Benchmark")
			.should().callMethodWhere(READS_THE_WALL_CLOCK_IN_A_TEST)
			.because("a test that reads today's date passes today and fails another day: use a fixed Clock, "
					+ "TestClock or virtual time")
			.check(tests);
	}

	@Test
	void onlyTheEntryPointReadsTheCommandLine() {
		noClasses().that().resideOutsideOfPackages("io.analytips", "io.analytips.cli..")
			.should().dependOnClassesThat().resideInAPackage("io.analytips.cli..")
			.check(classes);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.analytips.(*)..").should().beFreeOfCycles().check(classes);
	}
}

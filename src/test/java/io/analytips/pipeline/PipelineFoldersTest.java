package io.analytips.pipeline;

import io.analytips.support.MainClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The pipeline's folders (docs/architecture.md, "Packages"): no cycles among them, and outside the pipeline only its
 * top package (the handler SPI and its public face) is used, save the inboxes the host builds and the access log's
 * logger name that ops.logs reads.
 */
class PipelineFoldersTest {

	@Test
	void thePipelineFoldersHaveNoCycles() {
		slices().matching("io.analytips.pipeline.(*)..").should().beFreeOfCycles().check(MainClasses.all());
	}

	@Test
	void outsideThePipelineOnlyItsTopIsUsedSaveTheInboxesForTheHostAndTheAccessLogsNameForTheLogs() {
		// The handler SPI and the pipeline's public face are the top package. The host picks and builds a bot's inbox
		// (pipeline.inbox: in PostgreSQL or in memory); the log encoders recognise the access log's lines by its
		// logger (pipeline.log). Every other folder is the pipeline's own.
		noClasses().that().resideOutsideOfPackages("io.analytips.pipeline..", "io.analytips.host..", "io.analytips.ops.logs..")
			.should().dependOnClassesThat().resideInAPackage("io.analytips.pipeline.*..")
			.check(MainClasses.all());
		noClasses().that().resideInAPackage("io.analytips.host..")
			.should().dependOnClassesThat(resideInAPackage("io.analytips.pipeline.*..")
				.and(resideOutsideOfPackages("io.analytips.pipeline.inbox"))
				.as("reside in a folder of pipeline other than pipeline.inbox"))
			.check(MainClasses.all());
		noClasses().that().resideInAPackage("io.analytips.ops.logs..")
			.should().dependOnClassesThat(resideInAPackage("io.analytips.pipeline.*..")
				.and(resideOutsideOfPackages("io.analytips.pipeline.log"))
				.as("reside in a folder of pipeline other than pipeline.log"))
			.check(MainClasses.all());
	}
}

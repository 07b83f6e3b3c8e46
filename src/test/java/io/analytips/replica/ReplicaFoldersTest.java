package io.analytips.replica;

import io.analytips.replica.internal.LeadProperties;
import io.analytips.support.MainClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The replicas (docs/architecture.md, "Packages"): the lead, its lease and the heartbeat registry sit on the store and
 * use it and common only; the rest reads replica's own package, never replica.internal (but for the settings check's
 * LeadProperties), and no lead or lease lives in common.
 */
class ReplicaFoldersTest {

	@Test
	void theReplicasKnowOnlyTheStoreAndCommon() {
		noClasses().that().resideInAPackage("io.analytips.replica..")
			.should().dependOnClassesThat(resideInAPackage("io.analytips..")
				.and(resideOutsideOfPackages("io.analytips.replica..", "io.analytips.store..", "io.analytips.common.."))
				.as("are ours, outside replica, store and common"))
			.check(MainClasses.all());
	}

	@Test
	void nothingOutsideTheReplicasUsesTheirInternals() {
		// Spring finds replica.internal's configurations by scanning: no wiring names them. The settings check before
		// the start (cli) binds LeadProperties, as it binds the settings of every package.
		noClasses().that().resideOutsideOfPackage("io.analytips.replica..")
			.should().dependOnClassesThat(resideInAPackage("io.analytips.replica.internal..")
				.and(not(equivalentTo(LeadProperties.class)))
				.as("reside in replica.internal, LeadProperties aside"))
			.check(MainClasses.all());
		noClasses().that().resideOutsideOfPackages("io.analytips.replica..", "io.analytips.cli..")
			.should().dependOnClassesThat().resideInAPackage("io.analytips.replica.internal..")
			.check(MainClasses.all());
	}

	@Test
	void theLeadAndItsLeaseAreTheReplicasNotCommons() {
		classes().that().areAssignableTo(Leadership.class).or().areAssignableTo(Lease.class)
			.should().resideInAPackage("io.analytips.replica..")
			.check(MainClasses.all());
		noClasses().that().resideInAPackage("io.analytips.common..")
			.should().haveSimpleNameStartingWith("Lead")
			.orShould().haveSimpleNameStartingWith("Lease")
			.check(MainClasses.all());
	}
}

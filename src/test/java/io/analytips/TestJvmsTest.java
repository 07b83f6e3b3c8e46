package io.analytips;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import io.analytips.support.AppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test classes named {@code *Test} run in a JVM of their own, before those named {@code *Tests} (the pom's two
 * surefire executions), so that no running application shares it with the virtual-time tests: an application's
 * timers ask Reactor for its global scheduler while a test swaps it for a virtual one, and can be handed the wrong
 * one. Whatever starts the application belongs in a {@code *Tests} class.
 */
class TestJvmsTest {

	private final JavaClasses tests = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
		.importPackages("io.analytips");

	@Test
	void noTestClassNamedTestStartsTheApplication() {
		// (the annotation that starts it, and this rule's own list of what does, aside)
		startTheApplication(noClasses().that()
			.haveSimpleNameEndingWith("Test")
			.and()
			.areNotAnnotations()
			.and()
			.doNotBelongToAnyOf(TestJvmsTest.class)).check(tests);
	}

	@Test
	void theRuleFindsTheClassesThatDoStartIt() {
		// the rule is only as good as what it looks for: it must catch a class that starts the application itself
		// and one that is annotated to
		assertThat(startTheApplication(noClasses().that().haveSimpleName("ApplicationShutdownTests")).evaluate(tests)
			.hasViolation()).isTrue();
		assertThat(startTheApplication(noClasses().that().haveSimpleName("WebhookIntegrationTests")).evaluate(tests)
			.hasViolation()).isTrue();
	}

	private static ArchRule startTheApplication(GivenClassesConjunction classes) {
		return classes.should()
			.dependOnClassesThat(are(assignableTo(SpringApplication.class)).or(assignableTo(SpringApplicationBuilder.class))
				.or(assignableTo(SpringBootTest.class))
				.or(assignableTo(AppIntegrationTest.class))
				.or(assignableTo("io.analytips.bot.DemoRun"))
				.or(assignableTo(AnalytipsApplication.class)))
			.orShould()
			.beAnnotatedWith(AppIntegrationTest.class)
			.orShould()
			.beAnnotatedWith(SpringBootTest.class)
			.because("an application's timers would share the JVM with the virtual-time tests (see the pom's surefire "
					+ "executions); name the class *Tests");
	}
}

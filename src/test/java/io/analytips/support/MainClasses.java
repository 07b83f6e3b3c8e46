package io.analytips.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The main code's classes as ArchUnit sees them, imported once per test JVM for every architecture rule. */
public final class MainClasses {

	private static volatile JavaClasses all;

	private MainClasses() {
	}

	/** Every class of {@code io.analytips} in main code (no tests). */
	public static JavaClasses all() {
		JavaClasses classes = all;
		if (classes == null) {
			synchronized (MainClasses.class) {
				classes = all;
				if (classes == null) {
					classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
						.importPackages("io.analytips");
					all = classes;
				}
			}
		}
		return classes;
	}
}

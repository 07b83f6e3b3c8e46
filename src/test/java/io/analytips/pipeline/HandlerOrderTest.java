package io.analytips.pipeline;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HandlerOrder} is the one list of the order in which handlers are tried: every handler bean of the application
 * takes its place from it, one place each.
 */
class HandlerOrderTest {

	private static Map<Integer, String> places() throws IllegalAccessException {
		Map<Integer, String> places = new TreeMap<>();
		for (Field field : HandlerOrder.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
				String earlier = places.put(field.getInt(null), field.getName());
				assertThat(earlier).as("%s shares its place with %s", field.getName(), earlier).isNull();
			}
		}
		return places;
	}

	private static List<JavaMethod> handlerBeans() {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.analytips")
			.stream()
			.flatMap(type -> type.getMethods().stream())
			.filter(method -> method.isAnnotatedWith(Bean.class) && method.getRawReturnType().isAssignableTo(Handler.class))
			.toList();
	}

	@Test
	void everyHandlerBeanTakesItsPlaceFromTheListAndNoTwoShareOne() throws IllegalAccessException {
		Map<Integer, String> places = places();
		List<Integer> taken = new ArrayList<>();
		List<JavaMethod> beans = handlerBeans();
		assertThat(beans).as("the handler beans").hasSizeGreaterThan(15);
		for (JavaMethod bean : beans) {
			assertThat(bean.isAnnotatedWith(Order.class)).as("@Order(HandlerOrder.…) on %s", bean.getFullName()).isTrue();
			int place = bean.getAnnotationOfType(Order.class).value();
			assertThat(places).as("the place of %s", bean.getFullName()).containsKey(place);
			taken.add(place);
		}
		assertThat(taken).as("one handler a place, every place a handler").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(places.keySet());
	}

	@Test
	void theAdminsCommandsComeFirstTheSearchAfterEveryCommandAndButtonAndTheFallbacksLast() throws IllegalAccessException {
		List<String> inOrder = List.copyOf(places().values());

		assertThat(inOrder.get(0)).isEqualTo("ADMIN");
		assertThat(inOrder.subList(inOrder.indexOf("SEARCH"), inOrder.size()))
			.containsExactly("SEARCH", "MEMBERSHIP", "FALLBACK_MESSAGE", "FALLBACK_BUTTON");
	}
}

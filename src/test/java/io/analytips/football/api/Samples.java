package io.analytips.football.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The real API-Football responses in {@code src/test/resources/apifootball-samples/} (see its SOURCES.md). */
final class Samples {

	private Samples() {
	}

	static byte[] bytes(String file) {
		try (InputStream in = Samples.class.getResourceAsStream("/apifootball-samples/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("no sample " + file);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RawResponse ok(String file) {
		return new RawResponse(200, Map.of(), bytes(file));
	}
}

package io.analytips.pipeline;

import java.nio.file.Path;
import java.time.Duration;

import io.analytips.store.DatabaseUrl;
import io.analytips.store.Migrations;
import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.analytips.telegram.SourceStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PostgreSQL going away and coming back: polling pauses, confirms nothing, and resumes by itself. */
class DatabaseOutageIntegrationTests {

	@Test
	void pausesPollingWhileTheDatabaseIsDownAndResumesWithoutLosingAnything() throws Exception {
		Path directory = Scratch.directory("analytips-outage");
		// Not "clean": a clean server deletes its data when closed, and this one must come back with it.
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
		int port = postgres.getPort();
		DatabaseUrl database = new DatabaseUrl("localhost", port, "postgres", "postgres", null, null);
		new Migrations(database).migrate();
		Replying.Echo echo = new Replying.Echo();
		try (FakeBotApi telegram = FakeBotApi.start();
				PipelineHarness harness = PipelineHarness.builder().telegram(telegram).database(database).handlers(echo)
					.build()) {
			telegram.enqueue(Updates.message(1, "before"));
			harness.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messages().size() == 1);
			long confirmedBefore = telegram.confirmedOffset();

			postgres.close();
			for (long user = 2; user <= 6; user++) {
				telegram.enqueue(Updates.message(user, "during"));
			}
			await().atMost(Duration.ofSeconds(20))
				.until(() -> harness.pipeline.source().status().state() == SourceStatus.State.RETRYING);
			assertThat(telegram.confirmedOffset()).isEqualTo(confirmedBefore);
			assertThat(telegram.unconfirmed()).isEqualTo(5);
			assertThat(echo.handled).hasValue(1);

			postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port).start();
			await().atMost(Duration.ofSeconds(60)).until(() -> echo.handled.get() == 6);
			await().atMost(Duration.ofSeconds(20)).until(() -> harness.count("done", null) == 6);
			assertThat(harness.pipeline.source().status().state()).isEqualTo(SourceStatus.State.RECEIVING);
			assertThat(telegram.messages()).hasSize(6);
		}
		finally {
			postgres.close();
		}
	}
}

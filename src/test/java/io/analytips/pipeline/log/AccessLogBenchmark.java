package io.analytips.pipeline.log;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import io.analytips.ops.logs.LogBuffer;
import io.analytips.ops.logs.LogStream;
import io.analytips.ops.logs.TokenRedactingLogs;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * What one access line costs the thread that writes it, in microseconds, one thread, no contention:
 * the access line encoded as production's JSON ({@code LOG_FORMAT=json}) to a stream that discards
 * it and to a file, against an ordinary INFO line of the same text (no MDC, no fields) and against
 * {@code LOG_UPDATES=false}. Each encoder is wrapped as production wraps it ({@link TokenRedactingLogs}), and one
 * mode adds the in-memory appenders every line also reaches in production ({@code /getlog}'s {@link LogBuffer}, the
 * admin {@link LogStream} with no client). {@value #RUNS} runs of {@value #LINES} lines after a warm-up; medians of
 * the wall time and of the thread's CPU time go to {@code target/bench/access-log.json}. Complements {@code bot.PipelineBenchmark}, which measures
 * the whole pipeline with the access log on and off. Run with {@code ./mvnw -Pbench -DskipTests
 * -Dtest=AccessLogBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class AccessLogBenchmark {

	static final int LINES = 200_000;

	static final int RUNS = 5;

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Logger access = context.getLogger(AccessLog.LOGGER);

	private final UpdateContext update = new UpdateContext(
			ReceivedUpdate.parse(Updates.message(45, "/help").put("update_id", 123)), null);

	@Test
	void measuresOneAccessLine() throws IOException {
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		access.setAdditive(false); // not into the test's captured output
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("lines_per_run", LINES);
		report.put("runs", RUNS);
		report.put("unit", "microseconds per line, median over runs, one thread");
		OutputStreamAppender<ILoggingEvent> discard = new OutputStreamAppender<>();
		discard.setOutputStream(OutputStream.nullOutputStream());
		appender(discard);
		FileAppender<ILoggingEvent> file = new FileAppender<>();
		file.setFile(out.resolve("access-log-benchmark.log").toString());
		file.setAppend(false);
		appender(file);
		AccessLog on = new AccessLog(true);
		AccessLog off = new AccessLog(false);
		Runnable accessLine = () -> on.finished(update, null, Outcome.DONE, 0);
		// A logger below the access logger: the same appenders, but an ordinary line, with Boot's encoder.
		org.slf4j.Logger plain = LoggerFactory.getLogger(AccessLog.LOGGER + ".plain");
		Runnable plainLine = () -> plain.info("update {} message help by user {} in chat {}: done in {} ms, {} upstream calls",
				123, 45, 45, 3, 0);
		redactLikeProduction(discard, file);
		LogBuffer buffer = new LogBuffer(500);
		LogStream stream = new LogStream(256, 4);
		Map<String, Object> cpu = new LinkedHashMap<>();
		measure(accessLine, 1, discard); // warm-up
		measure(plainLine, 1, discard);
		measure(accessLine, 1, file);
		measure(accessLine, 1, discard, buffer, stream);
		measure(report, cpu, "access_log_off", () -> off.finished(update, null, Outcome.DONE, 0));
		measure(report, cpu, "access_line_json_discarded", accessLine, discard);
		measure(report, cpu, "plain_info_line_json_discarded", plainLine, discard);
		measure(report, cpu, "access_line_json_to_file", accessLine, file);
		measure(report, cpu, "plain_info_line_json_to_file", plainLine, file);
		measure(report, cpu, "access_line_json_discarded_with_log_buffer_and_stream", accessLine, discard, buffer,
				stream);
		// On a shared machine the thread's CPU time per line is steadier than the wall time.
		report.put("cpu_microseconds_per_line", cpu);
		access.setAdditive(true);
		buffer.destroy();
		stream.destroy();
		discard.stop();
		file.stop();
		String json = TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
		Files.writeString(out.resolve("access-log.json"), json);
		System.out.println("BENCH " + json);
	}

	private <A extends OutputStreamAppender<ILoggingEvent>> A appender(A appender) {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("logstash");
		encoder.start();
		appender.setContext(context);
		appender.setEncoder(encoder);
		appender.start();
		if (!appender.isStarted()) {
			throw new IllegalStateException("appender did not start");
		}
		return appender;
	}

	/** Wraps the appenders' encoders as the application does once Boot has set up logging. */
	@SafeVarargs
	private void redactLikeProduction(Appender<ILoggingEvent>... appenders) {
		for (Appender<ILoggingEvent> appender : appenders) {
			access.addAppender(appender);
		}
		new TokenRedactingLogs().onApplicationEvent(null);
		for (Appender<ILoggingEvent> appender : appenders) {
			access.detachAppender(appender);
		}
	}

	/** {@value #RUNS} runs of {@code line}: the median wall time per line into {@code wall}, CPU time into {@code cpu}. */
	@SafeVarargs
	private void measure(Map<String, Object> wall, Map<String, Object> cpu, String name, Runnable line,
			Appender<ILoggingEvent>... appenders) {
		double[] medians = measure(line, RUNS, appenders);
		wall.put(name, medians[0]);
		cpu.put(name, medians[1]);
	}

	/**
	 * The median wall time and the median CPU time of this thread per line over {@code runs} runs, in
	 * microseconds, with {@code appenders} (maybe none) on the access logger.
	 */
	@SafeVarargs
	private double[] measure(Runnable line, int runs, Appender<ILoggingEvent>... appenders) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (Appender<ILoggingEvent> appender : appenders) {
			access.addAppender(appender);
		}
		try {
			double[] micros = new double[runs];
			double[] cpuMicros = new double[runs];
			for (int run = 0; run < runs; run++) {
				long cpuStart = threads.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				for (int i = 0; i < LINES; i++) {
					line.run();
				}
				micros[run] = (System.nanoTime() - start) / 1e3 / LINES;
				cpuMicros[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / LINES;
			}
			Arrays.sort(micros);
			Arrays.sort(cpuMicros);
			return new double[] { Math.round(micros[runs / 2] * 100) / 100.0, Math.round(cpuMicros[runs / 2] * 100) / 100.0 };
		}
		finally {
			for (Appender<ILoggingEvent> appender : appenders) {
				access.detachAppender(appender);
			}
		}
	}
}

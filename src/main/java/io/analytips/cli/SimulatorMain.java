package io.analytips.cli;

import java.util.List;

import io.analytips.common.Clocks;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;

/**
 * {@code java -jar analytips.jar --simulator [--port=8081] [--host=0.0.0.0]}: the API-Football
 * simulator on its own, for trying the bot (or another client) against replayed real data.
 */
public final class SimulatorMain {

	private SimulatorMain() {
	}

	public static void run(List<String> arguments) {
		int port = Integer.parseInt(option(arguments, "--port=", "8081"));
		String host = option(arguments, "--host=", "127.0.0.1");
		SimulatorServer server = SimulatorServer.start(ApiFootballSimulator.bundled(Clocks.system()), host, port);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "simulator-shutdown"));
		System.out.println("API-Football simulator on " + server.url() + " (key: " + ApiFootballSimulator.KEY
				+ "); today replays " + server.simulator().replayedDays() + "; faults: POST " + server.url() + "/_simulator/faults?latency-ms=500&server-error-rate=0.2"
				+ " (also fail-next, status, hang-next, errors-next, error, quota-exhausted), POST /_simulator/reset,"
				+ " GET /_simulator/calls; Ctrl+C to stop");
		server.awaitShutdown();
	}

	private static String option(List<String> arguments, String prefix, String otherwise) {
		return arguments.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
			.orElse(otherwise);
	}
}

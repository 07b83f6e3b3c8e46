package io.analytips.football.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.analytips.football.api.RawResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's control surface over HTTP, so a standalone simulator can be made to misbehave
 * from a shell while a bot runs against it (no key needed; it listens on 127.0.0.1 by default):
 * <pre>
 * POST /_simulator/faults?latency-ms=500&amp;server-error-rate=0.2   every answer late, 20% are 500s
 * POST /_simulator/faults?fail-next=3&amp;status=503                  the next three calls fail
 * POST /_simulator/faults?hang-next=1                               the next call never answers
 * POST /_simulator/faults?errors-next=2&amp;error=rateLimit           200 with errors.rateLimit, twice
 * POST /_simulator/faults?quota-exhausted=true                      every call: errors.requests
 * POST /_simulator/reset                                            healthy again, counters zeroed
 * GET  /_simulator/calls                                            {"total": n, "by_path": {...}}
 * </pre>
 * A bad parameter is a 400 naming it, and changes nothing.
 */
final class SimulatorControl {

	static final String PREFIX = "/_simulator/";

	private static final Set<String> FAULT_PARAMETERS = Set.of("latency-ms", "server-error-rate", "fail-next", "status",
			"hang-next", "errors-next", "error", "message", "quota-exhausted");

	private SimulatorControl() {
	}

	static boolean handles(String path) {
		return path.startsWith(PREFIX);
	}

	static RawResponse handle(ApiFootballSimulator simulator, String method, String path, Map<String, String> parameters) {
		String action = path.substring(PREFIX.length());
		if (action.equals("calls") && method.equals("GET")) {
			ObjectNode body = Json.object();
			body.put("total", simulator.calls());
			simulator.callsByPath().forEach(body.putObject("by_path")::put);
			return answer(200, body);
		}
		if (action.equals("reset") && method.equals("POST")) {
			simulator.faults().reset();
			simulator.resetCalls();
			return answer(200, Json.object().put("reset", true));
		}
		if (action.equals("faults") && method.equals("POST")) {
			try {
				apply(simulator.faults(), parameters);
			}
			catch (IllegalArgumentException ex) {
				return answer(400, Json.object().put("error", ex.getMessage()));
			}
			ObjectNode body = Json.object();
			parameters.forEach(body.putObject("applied")::put);
			return answer(200, body);
		}
		return answer(404, Json.object().put("error", method + " " + path + " is not a simulator control; see "
				+ "POST /_simulator/faults, POST /_simulator/reset, GET /_simulator/calls"));
	}

	/** Validates every parameter first, then applies them: a bad request changes nothing. */
	private static void apply(Faults faults, Map<String, String> parameters) {
		for (String name : parameters.keySet()) {
			if (!FAULT_PARAMETERS.contains(name)) {
				throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + FAULT_PARAMETERS);
			}
		}
		Long latency = number(parameters, "latency-ms", 0, 600_000);
		Double errorRate = share(parameters, "server-error-rate");
		Long failNext = number(parameters, "fail-next", 0, 1_000_000);
		Long status = number(parameters, "status", 400, 599);
		Long hangNext = number(parameters, "hang-next", 0, 1_000_000);
		Long errorsNext = number(parameters, "errors-next", 0, 1_000_000);
		String quota = parameters.get("quota-exhausted");
		if (quota != null && !quota.equals("true") && !quota.equals("false")) {
			throw new IllegalArgumentException("quota-exhausted must be true or false, was '" + quota + "'");
		}
		if (latency != null) {
			faults.latency(Duration.ofMillis(latency));
		}
		if (errorRate != null) {
			faults.serverErrorRate(errorRate);
		}
		if (failNext != null) {
			faults.failNext(failNext.intValue(), status == null ? 503 : status.intValue());
		}
		if (hangNext != null) {
			faults.hangNext(hangNext.intValue());
		}
		if (errorsNext != null) {
			faults.errorsNext(errorsNext.intValue(), parameters.getOrDefault("error", "rateLimit"),
					parameters.getOrDefault("message", "Simulated error."));
		}
		if (quota != null) {
			faults.quotaExhausted(Boolean.parseBoolean(quota));
		}
	}

	private static Long number(Map<String, String> parameters, String name, long min, long max) {
		String value = parameters.get(name);
		if (value == null) {
			return null;
		}
		try {
			long number = Long.parseLong(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
	}

	private static Double share(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		if (value == null) {
			return null;
		}
		try {
			double share = Double.parseDouble(value);
			if (share >= 0 && share <= 1) {
				return share;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a share from 0 to 1, was '" + value + "'");
	}

	private static RawResponse answer(int status, ObjectNode body) {
		return new RawResponse(status, Map.of("Content-Type", "application/json"),
				body.toString().getBytes(StandardCharsets.UTF_8));
	}
}

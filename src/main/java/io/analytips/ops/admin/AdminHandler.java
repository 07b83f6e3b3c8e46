package io.analytips.ops.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.analytips.common.LogContext;
import io.analytips.bot.Messages;
import io.analytips.football.cache.FootballCache;
import io.analytips.ops.logs.LogBuffer;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.AuditEntry;
import io.analytips.store.AuditEvent;
import io.analytips.store.AuditLog;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.SendDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Admin commands: {@code /limpar_cache} (empties both cache tiers), {@code /getlog} (the recent log
 * lines as a document) and {@code /status} (operators too). Every use is written to the
 * audit trail ({@code audit_log}), allowed or refused; anyone else is told politely that the command
 * is not for them.
 */
final class AdminHandler implements Handler {

	private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

	private static final int LOG_LINES = 500;

	private final AdminProperties admins;

	private final FootballCache cache;

	private final LogBuffer logs;

	private final StatusReport status;

	private final AuditLog audit;

	private final Messages messages;

	private final Clock clock;

	AdminHandler(AdminProperties admins, FootballCache cache, LogBuffer logs, StatusReport status, AuditLog audit,
			Messages messages, Clock clock) {
		this.admins = admins;
		this.cache = cache;
		this.logs = logs;
		this.status = status;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		return command != null && List.of("limpar_cache", "getlog", "status").contains(command.name());
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		String command = context.command().name();
		long user = context.user() == null ? 0 : context.user().id();
		// the deployment's admins everywhere; a bot's own admins (its settings) in that bot's chats
		boolean botAdmin = context.bot().admins().contains(user);
		boolean allowed = botAdmin || (command.equals("status") ? admins.mayReadStatus(user) : admins.isAdmin(user));
		String target = context.command().arguments().isEmpty() ? null : context.command().arguments();
		// the line carries the update's ids, which live in the Reactor context (LogContext)
		Mono<AuditEntry> recorded = Mono.deferContextual(ids -> {
			LogContext.in(ids, () -> log.info("Admin command /{} by user {}: {}", command, user,
					allowed ? "allowed" : "refused"));
			return audit.append(AuditEvent.telegram(user, command, target, allowed));
		});
		if (!allowed) {
			return recorded.then(context.reply(Html.escape(messages.get(context, "admin.denied")))).then();
		}
		Mono<Void> action = switch (command) {
			case "limpar_cache" -> cache.clear()
				.flatMap(removed -> context.reply(Html.escape(messages.get(context, "admin.cache.cleared", String.valueOf(removed)))))
				.then();
			case "getlog" -> sendLog(context);
			default -> status.renderWithReplicas(clock.instant()).flatMap(context::reply).then();
		};
		// Recorded before it runs: an action that fails half-way still leaves its trace.
		return recorded.then(action);
	}

	private Mono<Void> sendLog(UpdateContext context) {
		List<String> lines = logs.recent(LOG_LINES);
		if (lines.isEmpty()) {
			return context.reply(Html.escape(messages.get(context, "admin.log.empty"))).then();
		}
		byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		return context.outbound()
			.sendDocument(new SendDocument(context.chatId(), "analytips-" + clock.instant().getEpochSecond() + ".log",
					content, messages.get(context, "admin.log.caption", String.valueOf(lines.size()))))
			.then();
	}
}

package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import static io.analytips.store.FollowRepository.utc;

/**
 * The {@code alerts} table: one row per (bot, chat, fixture, kind), so an alert is written once however often it is
 * planned, and sent once: the leader claims a row ({@code sending}) just before it goes and finishes it once Telegram
 * answered. Rows a dead leader left {@code sending} are given back by its successor ({@link #recover}). Times are
 * instants, passed in from the application's clock. Every call has a deadline and errors with the database's error.
 */
public class AlertRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public AlertRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/**
	 * Writes the pre-kick-off alert of each fixture for every active chat that follows one of its teams or its league,
	 * due {@code lead} (the chat's own, else {@code defaultLead}) before kick-off, or {@code now} when that is past;
	 * fixtures that have kicked off get none, and an alert already written stays as it is, unless it was cancelled by a
	 * postponement (the match has a new date: it is due again). Emits the rows written.
	 */
	public Mono<Long> planBefore(List<WatchedFixture> fixtures, Duration defaultLead, Instant now) {
		if (fixtures.isEmpty()) {
			return Mono.just(0L);
		}
		return deadline.on(db.sql("""
				insert into alerts (bot_id, chat_id, fixture_id, kind, due_at, kickoff, created_at)
				select distinct s.bot_id, s.chat_id, fx.id, 'before',
				       greatest(fx.kickoff - make_interval(mins => coalesce(s.alert_minutes, $6)), $7), fx.kickoff, $7
				from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::timestamptz[])
				     as fx(id, home, away, league, kickoff)
				join follows f on (f.kind = 'team' and f.target_id in (fx.home, fx.away))
				               or (f.kind = 'league' and f.target_id = fx.league)
				join subscribers s on s.bot_id = f.bot_id and s.chat_id = f.chat_id
				where s.active and fx.kickoff > $7
				on conflict (bot_id, chat_id, fixture_id, kind) do update
				set state = 'pending', due_at = excluded.due_at, kickoff = excluded.kickoff, detail = null, finished_at = null
				where alerts.state = 'cancelled' and alerts.detail = 'PST'""")
			.bind(0, fixtures.stream().map(WatchedFixture::fixtureId).toArray(Long[]::new))
			.bind(1, fixtures.stream().map(WatchedFixture::homeId).toArray(Long[]::new))
			.bind(2, fixtures.stream().map(WatchedFixture::awayId).toArray(Long[]::new))
			.bind(3, fixtures.stream().map(fixture -> (long) fixture.leagueId()).toArray(Long[]::new))
			.bind(4, fixtures.stream().map(fixture -> utc(fixture.kickoff())).toArray(java.time.OffsetDateTime[]::new))
			.bind(5, (int) defaultLead.toMinutes())
			.bind(6, utc(now))
			.fetch()
			.rowsUpdated());
	}

	/**
	 * Moves the pending pre-kick-off alerts of these fixtures whose kick-off moved (a rescheduled match) to the new one,
	 * or all of one chat's (it changed its lead time: {@code chat} not null), to their lead before kick-off, or
	 * {@code now} when that is past. Emits the rows moved.
	 */
	public Mono<Long> reschedule(Collection<Long> fixtures, Long bot, Long chat, Duration defaultLead, Instant now) {
		if (fixtures.isEmpty() && chat == null) {
			return Mono.just(0L);
		}
		var spec = db.sql("""
				update alerts a
				set due_at = greatest(w.kickoff - make_interval(mins => coalesce(s.alert_minutes, $4)), $5),
				    kickoff = w.kickoff
				from watched_fixtures w, subscribers s
				where a.kind = 'before' and a.state = 'pending' and w.fixture_id = a.fixture_id
				  and s.bot_id = a.bot_id and s.chat_id = a.chat_id
				  and ((a.fixture_id = any($1) and a.kickoff is distinct from w.kickoff)
				    or (a.bot_id = $2 and a.chat_id = $3))""")
			.bind(0, fixtures.toArray(Long[]::new));
		spec = chat == null ? spec.bindNull(1, Long.class).bindNull(2, Long.class) : spec.bind(1, bot).bind(2, chat);
		return deadline.on(spec.bind(3, (int) defaultLead.toMinutes()).bind(4, utc(now)).fetch().rowsUpdated());
	}

	/**
	 * Writes an alert of {@code kind} about a watched fixture, due {@code now}, for every active chat that follows one
	 * of its teams or its league (the result, a postponement). An alert already written stays. Emits the rows written.
	 */
	public Mono<Long> planFor(long fixture, Alert.Kind kind, Instant now) {
		return deadline.on(db.sql("""
				insert into alerts (bot_id, chat_id, fixture_id, kind, due_at, created_at)
				select distinct s.bot_id, s.chat_id, w.fixture_id, $2, $3, $3
				from watched_fixtures w
				join follows f on (f.kind = 'team' and f.target_id in (w.home_id, w.away_id))
				               or (f.kind = 'league' and f.target_id = w.league_id)
				join subscribers s on s.bot_id = f.bot_id and s.chat_id = f.chat_id
				where w.fixture_id = $1 and s.active
				on conflict do nothing""")
			.bind(0, fixture)
			.bind(1, kind.code())
			.bind(2, utc(now))
			.fetch()
			.rowsUpdated());
	}

	/**
	 * Writes today's digest of every active chat whose digest hour it now is in its own zone (one a local day: the
	 * digest's "fixture" is the local day's number). Emits the rows written.
	 */
	public Mono<Long> planDigests(Instant now) {
		return deadline.on(db.sql("""
				insert into alerts (bot_id, chat_id, fixture_id, kind, due_at, created_at)
				select bot_id, chat_id, (($1 at time zone time_zone)::date - date '1970-01-01'), 'digest', $1, $1
				from subscribers
				where active and digest_hour = extract(hour from ($1 at time zone time_zone))
				on conflict do nothing""")
			.bind(0, utc(now))
			.fetch()
			.rowsUpdated());
	}

	/** Cancels the pending alerts of {@code kind} about a fixture (a match called off). Emits the rows cancelled. */
	public Mono<Long> cancel(long fixture, Alert.Kind kind, String why, Instant now) {
		return deadline.on(db.sql("""
				update alerts set state = 'cancelled', finished_at = $3, detail = $4
				where fixture_id = $1 and kind = $2 and state = 'pending'""")
			.bind(0, fixture)
			.bind(1, kind.code())
			.bind(2, utc(now))
			.bind(3, why)
			.fetch()
			.rowsUpdated());
	}

	/**
	 * Claims up to {@code limit} alerts due by {@code now}, earliest first ({@code sending}, under {@code claimId}: only
	 * that claim may end them), skipping rows another transaction holds; emits each with its reader.
	 */
	public Flux<Alert> claim(Instant now, int limit, String claimId) {
		return deadline.on(db.sql("""
				with due as (
				    select bot_id, chat_id, fixture_id, kind from alerts
				    where state = 'pending' and due_at <= $1
				    order by due_at limit $2
				    for update skip locked),
				claimed as (
				    update alerts a set state = 'sending', claimed_at = $1, claim_id = $3
				    from due d
				    where a.bot_id = d.bot_id and a.chat_id = d.chat_id and a.fixture_id = d.fixture_id and a.kind = d.kind
				    returning a.bot_id, a.chat_id, a.fixture_id, a.kind, a.due_at)
				select c.bot_id, c.chat_id, c.fixture_id, c.kind, c.due_at,
				       s.language, s.time_zone, s.alert_minutes, s.digest_hour, s.active
				from claimed c join subscribers s on s.bot_id = c.bot_id and s.chat_id = c.chat_id
				order by c.due_at""")
			.bind(0, utc(now))
			.bind(1, limit)
			.bind(2, claimId)
			.map(AlertRepository::alert)
			.all());
	}

	/**
	 * A new claim's id: 128 random bits, unique across leaders. Not {@link UUID#randomUUID()}, whose
	 * {@code SecureRandom} may read {@code /dev/urandom}: this runs on a Reactor thread.
	 */
	public static String newClaimId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	/** {@link #claim(Instant, int, String)} under a claim of its own. */
	public Flux<Alert> claim(Instant now, int limit) {
		return claim(now, limit, newClaimId());
	}

	/**
	 * Gives back the alerts a leader claimed and did not finish (it died, or lost the lead, while they went): they are
	 * pending again and go once more. Call it when a lead begins, before claiming. Emits how many.
	 */
	public Mono<Long> recover() {
		return deadline.on(db.sql("update alerts set state = 'pending', claimed_at = null, claim_id = null where state = 'sending'")
			.fetch()
			.rowsUpdated());
	}

	/**
	 * Gives back the alerts claimed before {@code before} and never ended (their leader could not write their end:
	 * the database failed it), so they go again rather than stay claimed while this lead lasts. Emits how many.
	 */
	public Mono<Long> recoverClaimedBefore(Instant before) {
		return deadline.on(db.sql("""
				update alerts set state = 'pending', claimed_at = null, claim_id = null
				where state = 'sending' and claimed_at < $1""")
			.bind(0, utc(before))
			.fetch()
			.rowsUpdated());
	}

	/**
	 * Gives back alerts still held by {@code claimId} ({@code pending}, with why): after a failure worth another try
	 * (Telegram or the network down, the outbound queue full), or a lead that ended while they went; the next round
	 * (of the next leader) sends them. Rows another lead took since are left alone. Completes once written.
	 */
	public Mono<Void> release(Collection<AlertKey> alerts, String why, String claimId) {
		return ended(alerts, "pending", why, null, claimId);
	}

	/**
	 * Ends alerts still held by {@code claimId} in {@code state} ({@code sent}, {@code dropped}, {@code failed}); rows
	 * another lead took since (its predecessor woke late) are left alone. Completes once written.
	 */
	public Mono<Void> finish(Collection<AlertKey> alerts, String state, String detail, Instant now, String claimId) {
		return ended(alerts, state, detail, now, claimId);
	}

	private Mono<Void> ended(Collection<AlertKey> alerts, String state, String detail, Instant now, String claimId) {
		if (alerts.isEmpty()) {
			return Mono.empty();
		}
		var spec = db.sql("""
				update alerts a set state = $5, finished_at = $6, detail = $7,
				    claimed_at = case when $5 = 'pending' then null else a.claimed_at end,
				    claim_id = case when $5 = 'pending' then null else a.claim_id end
				from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) as k(bot, chat, fixture, kind)
				where a.bot_id = k.bot and a.chat_id = k.chat and a.fixture_id = k.fixture and a.kind = k.kind
				  and a.state = 'sending' and a.claim_id = $8""")
			.bind(0, alerts.stream().map(AlertKey::botId).toArray(Long[]::new))
			.bind(1, alerts.stream().map(AlertKey::chatId).toArray(Long[]::new))
			.bind(2, alerts.stream().map(AlertKey::fixtureId).toArray(Long[]::new))
			.bind(3, alerts.stream().map(key -> key.kind().code()).toArray(String[]::new))
			.bind(4, state);
		spec = now == null ? spec.bindNull(5, java.time.OffsetDateTime.class) : spec.bind(5, utc(now));
		spec = detail == null ? spec.bindNull(6, String.class) : spec.bind(6, detail);
		return deadline.on(spec.bind(7, claimId).fetch().rowsUpdated().then());
	}

	/**
	 * Deletes the alerts that ended before {@code instant} (sent, dropped, failed, cancelled; never one still to go),
	 * {@code batch} rows a statement; emits how many in all.
	 */
	public Mono<Long> purgeEndedBefore(Instant instant, int batch) {
		return Batches.deleteAll(() -> deadline.on(db.sql("""
				delete from alerts where ctid in (select ctid from alerts
				    where finished_at < $1 and state not in ('pending', 'sending') limit $2)""")
			.bind(0, utc(instant))
			.bind(1, batch)
			.fetch()
			.rowsUpdated()), batch);
	}

	/** The alerts by state ({@code pending}, {@code sent}, …), every kind together. */
	public Mono<Map<String, Long>> countByState() {
		return deadline.on(db.sql("select state, count(*) as n from alerts group by state")
			.map(row -> Map.entry(row.get("state", String.class), row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Alert alert(Readable row) {
		return new Alert(row.get("bot_id", Long.class), row.get("fixture_id", Long.class),
				Alert.Kind.of(row.get("kind", String.class)),
				row.get("due_at", java.time.OffsetDateTime.class).toInstant(), FollowRepository.subscriber(row));
	}
}

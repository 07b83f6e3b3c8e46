-- Following teams and leagues, and the alerts that come of it: one row per (bot, chat, fixture, kind), so each alert
-- is sent once whichever replica leads, however often the planner runs, across restarts and crashes.

-- A chat that follows something, as its alerts are written: the language and time zone its user reads in (resolved
-- when they followed, kept up to date when they change them), how long before kick-off they want the alert (null:
-- the deployment's ALERT_BEFORE_KICKOFF), the local hour of their daily digest (null: none), and whether alerts may go
-- (false once Telegram said the user blocked the bot; true again when they come back).
create table subscribers (
    bot_id         bigint      not null,
    chat_id        bigint      not null,
    language       text        not null,
    time_zone      text        not null,
    alert_minutes  integer     check (alert_minutes between 0 and 1440),
    digest_hour    integer     check (digest_hour between 0 and 23),
    active         boolean     not null default true,
    updated_at     timestamptz not null,
    primary key (bot_id, chat_id)
);

-- What a chat follows: a team ('team') or a whole league ('league'), by API-Football's id, with the name it was
-- followed by (for the list, without an upstream call).
create table follows (
    bot_id      bigint      not null,
    chat_id     bigint      not null,
    kind        text        not null check (kind in ('team', 'league')),
    target_id   bigint      not null,
    name        text        not null,
    created_at  timestamptz not null,
    primary key (bot_id, chat_id, kind, target_id)
);
create index follows_by_target on follows (kind, target_id);

-- The fixtures somebody follows, as last read: kick-off (moved when rescheduled), status and score. result_at is set
-- once its end (FT, AET, PEN) or its cancellation was seen and its alerts written: the result watch then forgets it.
create table watched_fixtures (
    fixture_id  bigint      primary key,
    league_id   integer     not null,
    season      integer     not null,
    home_id     bigint      not null,
    away_id     bigint      not null,
    home_name   text        not null,
    away_name   text        not null,
    kickoff     timestamptz not null,
    status      text        not null,
    home_goals  integer,
    away_goals  integer,
    updated_at  timestamptz not null,
    result_at   timestamptz
);
create index watched_fixtures_open on watched_fixtures (kickoff) where result_at is null;

-- The bot's own record: the forecast it sent before kick-off (the first alert's), with the market's prices at that
-- moment, settled with the score once the match ended. Written once, never edited: the record counts every forecast.
create table forecasts (
    fixture_id   bigint           primary key,
    league_id    integer          not null,
    kickoff      timestamptz      not null,
    made_at      timestamptz      not null,
    home         double precision not null,
    draw         double precision not null,
    away         double precision not null,
    over25       double precision,
    market_home  double precision,
    market_draw  double precision,
    market_away  double precision,
    bookmaker    text,
    home_goals   integer,
    away_goals   integer,
    settled_at   timestamptz
);
create index forecasts_settled on forecasts (league_id) where settled_at is not null;

-- Each alert to a chat. fixture_id is the fixture's (the digest's: the local day, as days since 1970-01-01); a
-- pre-kick-off alert keeps the kick-off its due time was worked out from, so only a match that moved moves its alerts.
-- pending → sending (claimed by the leader just before it goes) → sent; or dropped (a pre-kick-off alert found more
-- than 10 minutes late, a chat that blocked the bot), failed (Telegram refused it), cancelled (the match was called
-- off, the chat unfollowed). A row left 'sending' by a leader that died is sent again by the next: at most the
-- alerts in flight at the crash go twice, none is lost. claim_id names the batch that claimed a row: only that
-- claim may end it, so a leader woken after its successor gave its batch back cannot overwrite what came since.
create table alerts (
    bot_id       bigint      not null,
    chat_id      bigint      not null,
    fixture_id   bigint      not null,
    kind         text        not null check (kind in ('before', 'result', 'notice', 'digest')),
    due_at       timestamptz not null,
    kickoff      timestamptz,
    state        text        not null default 'pending'
                             check (state in ('pending', 'sending', 'sent', 'dropped', 'failed', 'cancelled')),
    created_at   timestamptz not null,
    claimed_at   timestamptz,
    claim_id     text,
    finished_at  timestamptz,
    detail       text,
    primary key (bot_id, chat_id, fixture_id, kind)
);
create index alerts_due on alerts (due_at) where state in ('pending', 'sending');
create index alerts_of_fixture on alerts (fixture_id, kind) where state = 'pending';

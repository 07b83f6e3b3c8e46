-- API-Football answers, so that a restart does not spend quota again (the cache's second tier).
-- body is the whole envelope as text; only answers without errors are stored.
create table api_cache (
    cache_key  text        primary key,
    body       text        not null,
    fetched_at timestamptz not null,
    expires_at timestamptz not null
);

-- Analyses the bot produced, so a user can see their recent ones again.
create table analyses (
    id          bigserial   primary key,
    user_id     bigint      not null,
    fixture_id  bigint      not null,
    kind        text        not null,
    home        text        not null,
    away        text        not null,
    kickoff     timestamptz,
    created_at  timestamptz not null default now(),
    data_age_s  bigint      not null default 0,
    payload     text        not null
);
create index analyses_by_user on analyses (user_id, created_at desc);

-- Multi-step conversations (e.g. "type a team name"), per user, so a restart does not forget them.
create table conversation_state (
    user_id    bigint      primary key,
    state      text        not null,
    data       text,
    expires_at timestamptz not null
);

-- Every admin action, append-only.
create table admin_audit (
    id      bigserial   primary key,
    user_id bigint      not null,
    action  text        not null,
    detail  text,
    at      timestamptz not null default now()
);

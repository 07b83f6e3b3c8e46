-- Every update ever received, stored before Telegram is told it was received.
-- payload is text, not jsonb: jsonb rejects \u0000, and a hostile update must not be able to
-- make its batch unstorable (which would stall polling).
create table inbox (
    update_id   bigint primary key,
    kind        text        not null,
    chat_id     bigint,
    user_id     bigint,
    payload     text        not null,
    received_at timestamptz not null default now(),
    outcome     text check (outcome in ('done', 'rate_limited', 'rejected', 'failed', 'invalid')),
    detail      text,
    finished_at timestamptz
);

-- Start-up replays rows without an outcome; keep that scan cheap however large the table grows.
create index inbox_unfinished on inbox (update_id) where outcome is null;
create index inbox_finished_at on inbox (finished_at) where finished_at is not null;

create table users (
    user_id    bigint primary key,
    first_seen timestamptz not null,
    last_seen  timestamptz not null,
    language   text,
    username   text,
    blocked    boolean     not null default false
);

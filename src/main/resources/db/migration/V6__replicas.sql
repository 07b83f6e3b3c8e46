-- One row per running replica of the bot (issue 14), written by its heartbeat every second: which replicas
-- are alive, since when, at which version, and which one polls Telegram. A clean shutdown deletes its row;
-- the heartbeat of any replica deletes the rows of replicas silent for an hour, so the table stays small.
-- seen_at is the database's clock (now()), the one clock all replicas share, so a skewed host cannot look
-- alive or dead to the others. The incarnation tells two processes given the same id apart: one that
-- finds the id held by another live incarnation does not overwrite its row.
create table replicas (
    id            text primary key,
    incarnation   uuid        not null,
    started_at    timestamptz not null,
    seen_at       timestamptz not null,
    version       text,
    leads_polling boolean     not null default false
);

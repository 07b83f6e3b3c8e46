-- One deployment hosts several Telegram bots on one database. Telegram numbers updates and users per bot, so every
-- table of a bot's state is keyed by the bot too: its id, the number before the colon of its token. The rows of a
-- database that served a single bot become the first bot's (the placeholder first_bot_id): the id of the first token configured
-- (TELEGRAM_BOT_TOKENS, else TELEGRAM_BOT_TOKEN; 0 without one). The default is dropped at once, so a new row must
-- name its bot.
--
-- A column added with a constant default is written into the catalogue, not into every row (PostgreSQL 11 and
-- later): even a large inbox is not rewritten. Each table's key and indexes change in one ALTER TABLE, so each
-- index is built in one scan, and the old ones are dropped without a scan.

alter table inbox
    add column bot_id bigint not null default ${first_bot_id};
alter table inbox
    alter column bot_id drop default,
    drop constraint inbox_pkey,
    add primary key (bot_id, update_id);
drop index inbox_unfinished;
create index inbox_unfinished on inbox (bot_id, update_id) where outcome is null;
-- inbox_finished_at stays as it is: the purge of finished rows goes over every bot's.

alter table users
    add column bot_id bigint not null default ${first_bot_id};
alter table users
    alter column bot_id drop default,
    drop constraint users_pkey,
    add primary key (bot_id, user_id);

alter table conversation_state
    add column bot_id bigint not null default ${first_bot_id};
alter table conversation_state
    alter column bot_id drop default,
    drop constraint conversation_state_pkey,
    add primary key (bot_id, user_id);

alter table user_settings
    add column bot_id bigint not null default ${first_bot_id};
alter table user_settings
    alter column bot_id drop default,
    drop constraint user_settings_pkey,
    add primary key (bot_id, user_id);

alter table analyses
    add column bot_id bigint not null default ${first_bot_id};
alter table analyses
    alter column bot_id drop default;
drop index analyses_by_user;
create index analyses_by_user on analyses (bot_id, user_id, created_at desc);

-- The bots the deployment hosts, added and removed by its operator. The token is kept encrypted (TokenCipher:
-- AES-256-GCM under BOTS_TOKEN_KEY), never in plain: a copy of the database alone does not give the bots away.
-- A removed bot keeps its row (removed_at set), so what it did stays attributed; adding it again revives the row.
create table bots (
    id           bigint      primary key,
    username     text        not null unique,
    token_cipher text        not null,
    added_at     timestamptz not null,
    added_by     text        not null,
    removed_at   timestamptz
);
-- Telegram's usernames are unique whatever their case, and the bot is found by its username typed either way.
create unique index bots_username_any_case on bots (lower(username));

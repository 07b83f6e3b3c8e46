-- The analysis pictures Telegram already holds: a picture's key (its fixture and a hash of everything drawn on it)
-- and the file_id the bot got when it uploaded it, per bot (a file_id is good only for the bot that got it). The
-- same picture is then sent again by its file_id, from any replica and after a restart, and never drawn twice.
create table picture_files (
    bot_id      bigint      not null,
    picture_key text        not null,
    file_id     text        not null,
    updated_at  timestamptz not null default now(),
    primary key (bot_id, picture_key)
);

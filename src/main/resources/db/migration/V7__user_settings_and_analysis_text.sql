-- What a user chose for themselves: the language the bot speaks to them (/idioma) and the time zone kick-offs
-- are shown in (/fuso). A null column means "not chosen": the bot then follows the language of the user's
-- Telegram client, and the zone that language usually lives in.
create table user_settings (
    user_id    bigint      primary key,
    language   text,
    time_zone  text,
    updated_at timestamptz not null default now()
);

-- The analysis as the user read it (HTML, in the language it was shown in), so "My analyses" reopens what
-- was said then, beside what happened since. Null for analyses stored before this column existed.
alter table analyses add column html text;

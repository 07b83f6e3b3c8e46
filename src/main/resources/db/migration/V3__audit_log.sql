-- The audit trail (admin actions from Telegram and the admin HTTP API, allowed or refused) becomes
-- tamper-evident: each row carries the SHA-256 of its content and of the previous row's hash, and ids
-- run 1, 2, 3… without gaps, so `java -jar analytips.jar audit-verify` can name the first row that
-- was altered or removed. It replaces admin_audit, which was never deployed (no rows to carry over).
drop table if exists admin_audit;

create table audit_log (
    id        bigint      primary key check (id > 0),
    at        timestamptz not null,
    channel   text        not null,
    actor     text        not null,
    action    text        not null,
    target    text,
    result    text        not null,
    prev_hash text        not null,
    hash      text        not null
);

-- Append-only for the application: updates and deletes are refused by the database itself.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();

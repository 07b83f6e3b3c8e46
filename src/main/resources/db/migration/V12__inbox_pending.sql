-- The updates stored and not finished yet, in a narrow table of their own, so that finishing an update changes no
-- indexed column of its inbox row and PostgreSQL can update the row in place (a HOT update: no new index entries,
-- the old version pruned within its page, no vacuum needed for it). Before, every finish changed `outcome`, which the
-- partial index of unfinished rows depends on, and `finished_at`, indexed for the purge: not one of 248 000 finishes
-- in a benchmark was HOT, each left a dead row and three index entries behind, and PostgreSQL's CPU per update rose
-- burst after burst with them (63, 81, 99 ms per 1 000 updates; docs/performance.md).
create table inbox_pending (
    bot_id    bigint not null,
    update_id bigint not null,
    primary key (bot_id, update_id)
);

insert into inbox_pending (bot_id, update_id)
select bot_id, update_id from inbox where outcome is null;

drop index inbox_unfinished;

-- The hourly purge finds old finished rows by a block-range index: it is summarizing, so from PostgreSQL 16 on it
-- does not stop an update from being HOT, and rows are finished in about the order they were stored.
drop index inbox_finished_at;
create index inbox_finished_at on inbox using brin (finished_at);

-- Room in each page for the finished version of its rows: a HOT update needs it on the same page. Pages written
-- from now on; the rows already stored keep theirs.
alter table inbox set (fillfactor = 70);

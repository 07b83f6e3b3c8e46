-- The polling lead as a row every replica reads (issue 23), instead of a session-level advisory lock that only
-- PostgreSQL's end of the session could free: a frozen or cut-off leader kept its session (and the lock) open for
-- as long as TCP took to notice, hours with default settings. The holder renews expires_at (the database's clock,
-- the one all replicas share) every check; a standby takes the row once expires_at has passed and bumps the epoch,
-- and the old holder's next renewal, which names its epoch, finds the row gone and knows it lost. Plain statements
-- in their own transactions: it works behind a transaction-mode pooler.
create table leader_lease (
    name       text primary key,
    holder     text        not null,
    epoch      bigint      not null,
    taken_at   timestamptz not null,
    expires_at timestamptz not null
);

-- With replicas, an update whose first message Telegram acknowledged is marked here before the leader lets the
-- next message take its place in the send window: a successor's replay finishes it as answered instead of
-- answering it again, so what a dead leader's successor repeats is bounded by the window, not by how far the
-- outcome writes lagged.
alter table inbox add column first_sent_at timestamptz;

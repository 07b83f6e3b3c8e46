-- How far an unfinished update's first message got, so that a crash answers it again only when that
-- message may not have arrived: 1 = it was handed to the sender (it may be on the wire), 2 = Telegram
-- acknowledged it. Null: nothing sent yet. An update with an outcome no longer needs it.
alter table inbox add column sent smallint check (sent in (1, 2));

-- The offline demo (--demo) only, at every start, before the bot takes any update. Its football data comes from
-- the simulator's world laid out around this run's "today" (DEMO_DATE, and a clock that starts at its noon):
-- which matches are played, their kick-offs, tables and prices all depend on that day. What the bot derived from
-- an earlier run's world is wrong in this one, and stamped with that run's clock:
--   api_cache           answers of another day's world, with fetch times in this run's future or past (false
--                       ages; stale copies that look fresh);
--   market_prices       prices written down before kick-offs of another day's world, which fits would learn from
--                       as if those matches had been played;
--   conversation_state  a pending step ("type the team's name") whose expiry is in another run's clock;
--   watched_fixtures,   followed matches with another day's kick-offs and statuses, the alerts planned from them
--   alerts, forecasts   (due in another run's clock), and the forecasts of that world's matches (the record of
--                       one demo day is that day's).
-- Each run starts from them empty, as in a new folder; the simulator is in-process, so refilling the cache costs
-- no quota. The user's own data stays: their analyses, what they follow and how, the users table, the inbox.
delete from api_cache;
delete from market_prices;
delete from conversation_state;
delete from alerts;
delete from watched_fixtures;
delete from forecasts;

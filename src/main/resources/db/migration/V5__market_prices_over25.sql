-- The market's margin-free probability of over 2.5 goals, beside its 1X2: the 1X2 says who is stronger, the
-- totals how many goals the two sides make, which the 1X2 pins down poorly. Null where the bookmaker priced no
-- 2.5 line (and for every row written before this column existed): the fit then uses the 1X2 alone.
alter table market_prices
    add column over25 double precision check (over25 > 0 and over25 < 1);

-- The market's margin-free 1X2 probabilities for fixtures, as last seen before kick-off. Later model fits
-- learn from them: a price sums up what was known about a match (line-ups, injuries) better than its score.
-- One row a fixture; a later observation before kick-off replaces an earlier one (closer to the close).
create table market_prices (
    fixture_id  bigint           primary key,
    home        double precision not null check (home > 0 and home < 1),
    draw        double precision not null check (draw > 0 and draw < 1),
    away        double precision not null check (away > 0 and away < 1),
    bookmaker   text             not null,
    observed_at timestamptz      not null,
    kickoff     timestamptz      not null,
    check (observed_at < kickoff)
);

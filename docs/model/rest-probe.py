#!/usr/bin/env python3
# Does the model trail the closing line more where a side had less rest than usual (a midweek match, a postponed
# fixture played in a busy spell)? A probe, not part of the model: it reads the backtest's predictions of a Série A
# run, takes each side's days since its previous league match in the same season (the file has no cup ties, so it
# undercounts a side's matches), and prints, per group, the model's 1X2 RPS gap to the closing line with its standard
# error, and how far the closing line's home and away probabilities sit from the model's there. A season's first
# match of either side is left out.
#   java -jar target/analytips.jar backtest --league BRA --from 2014 --to 2024 --out /tmp/bt-bra
#   python3 docs/model/rest-probe.py /tmp/bt-bra/BRA-2014-2024-predictions.csv
import csv, collections, datetime, statistics, sys

def rps(p, o):
    first = p[0] - (o == 0)
    second = p[0] + p[1] - (o in (0, 1))
    return (first * first + second * second) / 2

rows = list(csv.DictReader(open(sys.argv[1])))
last = {}
groups = collections.defaultdict(list)
for r in rows:
    day = datetime.date.fromisoformat(r['date'])
    season = r['season']
    home, away = (season, r['home']), (season, r['away'])
    home_rest = (day - last[home]).days if home in last else None
    away_rest = (day - last[away]).days if away in last else None
    last[home] = last[away] = day
    if home_rest is None or away_rest is None:
        continue
    hg, ag = int(r['home_goals']), int(r['away_goals'])
    o = 0 if hg > ag else (1 if hg == ag else 2)
    model = [float(r['model_home']), float(r['model_draw']), float(r['model_away'])]
    close = [float(r['closing_home']), float(r['closing_draw']), float(r['closing_away'])]
    row = (rps(model, o) - rps(close, o), close[0] - model[0], close[2] - model[2])
    period = 'reported 2019-' if int(season) >= 2019 else 'tuning 2014-2018'
    difference = home_rest - away_rest
    groups[(period, 'home rested 3+ days less' if difference <= -3
            else 'away rested 3+ days less' if difference >= 3 else 'rest within 2 days')].append(row)
    groups[(period, 'home rested 3 days or less' if home_rest <= 3 else 'home rested 4+ days')].append(row)
    groups[(period, 'away rested 3 days or less' if away_rest <= 3 else 'away rested 4+ days')].append(row)

print('period | group | matches | model - close RPS (se) | close - model, home | close - model, away')
for key in sorted(groups):
    v = groups[key]
    gaps = [x[0] for x in v]
    print(f'{key[0]} | {key[1]} | {len(v)} | {statistics.mean(gaps):+.4f} ({statistics.stdev(gaps) / len(v) ** 0.5:.4f})'
          f' | {statistics.mean(x[1] for x in v):+.4f} | {statistics.mean(x[2] for x in v):+.4f}')

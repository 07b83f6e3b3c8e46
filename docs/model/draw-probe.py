#!/usr/bin/env python3
"""Would a draw correction close the Série A's gap to the close? (docs/model.md, "Against the targets")

Reads a backtest's predictions CSV and, for each reported season, moves the model's draw by the mean
(closing draw - model draw) of the seasons before it (2014 on), the home and away chances rescaled to
keep the sum at 1; then the same with the mean over the 365 days before each match. Prints the model -
closing line 1X2 RPS before and after. Only past matches' closing prices are used for each correction.

  java -jar target/analytips.jar backtest --league BRA --from 2014 --to 2024 --out /tmp/bra
  python3 docs/model/draw-probe.py /tmp/bra/BRA-2014-2024-predictions.csv
"""
import csv
import datetime
import statistics
import sys


def rps(p, o):
    c1 = p[0] - (o == 0)
    c2 = p[0] + p[1] - (o in (0, 1))
    return (c1 * c1 + c2 * c2) / 2


def moved(m, d):
    h, dr, a = m
    nd = min(0.6, max(0.05, dr + d))
    k = (1 - nd) / (h + a)
    return [h * k, nd, a * k]


rows = []
for r in csv.DictReader(open(sys.argv[1])):
    hg, ag = int(r['home_goals']), int(r['away_goals'])
    o = 0 if hg > ag else (1 if hg == ag else 2)
    m = [float(r['model_home']), float(r['model_draw']), float(r['model_away'])]
    c = [float(r['closing_home']), float(r['closing_draw']), float(r['closing_away'])]
    rows.append((int(r['season']), datetime.date.fromisoformat(r['date']), m, c, o))

before, after = [], []
for s in range(2019, 2025):
    past = [x for x in rows if 2014 <= x[0] < s]
    d = statistics.mean(x[3][1] - x[2][1] for x in past)
    season = [x for x in rows if x[0] == s]
    g0 = [rps(x[2], x[4]) - rps(x[3], x[4]) for x in season]
    g1 = [rps(moved(x[2], d), x[4]) - rps(x[3], x[4]) for x in season]
    before += g0
    after += g1
    print(f"{s}: draw moved by {d:+.4f}, gap {statistics.mean(g0):+.4f} -> {statistics.mean(g1):+.4f}")
print(f"2019-2024, by the seasons before: {statistics.mean(before):+.4f} -> {statistics.mean(after):+.4f}")
rolling = []
for x in rows:
    if x[0] < 2019:
        continue
    past = [y for y in rows if 0 < (x[1] - y[1]).days <= 365]
    d = statistics.mean(y[3][1] - y[2][1] for y in past)
    rolling.append(rps(moved(x[2], d), x[4]) - rps(x[3], x[4]))
print(f"2019-2024, by the 365 days before: {statistics.mean(before):+.4f} -> {statistics.mean(rolling):+.4f}")

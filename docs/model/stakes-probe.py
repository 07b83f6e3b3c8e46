#!/usr/bin/env python3
# Does the model trail the closing line more where a side has nothing left to play for? A probe, not part of the
# model: it reads the backtest's predictions of a Série A run (each match's model and closing 1X2), rebuilds the
# table before each match day from the results, and calls a side "without stakes" when it can neither reach 6th
# place (the Libertadores, roughly) nor fall to 17th (relegation), with SLACK points to spare (0: mathematically;
# -6: two wins of slack). It prints the model's RPS gap to the closing line per group, and how far the model's
# home and away probabilities sit from the closing line's there.
#   java -jar target/analytips.jar backtest --league BRA --from 2014 --to 2024 --out /tmp/bt-bra
#   python3 docs/model/stakes-probe.py /tmp/bt-bra/BRA-2014-2024-predictions.csv [SLACK]
import csv, collections, math, sys
rows=list(csv.DictReader(open(sys.argv[1])))
def rps(p,o):
    cum_p=0;cum_o=0;s=0
    for k in range(2):
        cum_p+=p[k]; cum_o+=(1 if o==k else 0); s+=(cum_p-cum_o)**2
    return s/2
def outcome(h,a): return 0 if h>a else (1 if h==a else 2)
by_season=collections.defaultdict(list)
for r in rows: by_season[int(r['season'])].append(r)
res=[]
for season,ms in sorted(by_season.items()):
    ms.sort(key=lambda r:r['date'])
    pts=collections.Counter(); played=collections.Counter()
    teams=set()
    for r in ms: teams.add(r['home']); teams.add(r['away'])
    n=len(teams); games=2*(n-1)
    i=0
    while i<len(ms):
        d=ms[i]['date']; day=[r for r in ms[i:] if r['date']==d]
        table=sorted(teams,key=lambda t:(-pts[t],t))
        def stakes(t, margin):
            p=pts[t]; rem=games-played[t]; maxp=p+3*rem
            sixth=pts[table[5]]; seventeenth=pts[table[16]]; rem17=games-played[table[16]]
            can_top=maxp+margin>=sixth
            can_drop=p-margin<=seventeenth+3*rem17
            return can_top or can_drop
        for r in day:
            o=outcome(int(r['home_goals']),int(r['away_goals']))
            m=[float(r['model_home']),float(r['model_draw']),float(r['model_away'])]
            c=[float(r['closing_home']),float(r['closing_draw']),float(r['closing_away'])]
            frac=played[r['home']]/games
            M=int(sys.argv[2]) if len(sys.argv)>2 else 0; sh=stakes(r["home"],M); sa=stakes(r["away"],M)
            res.append((season,frac,sh,sa,rps(m,o)-rps(c,o),m,c))
        for r in day:
            h,a=r['home'],r['away']; hg,ag=int(r['home_goals']),int(r['away_goals'])
            played[h]+=1; played[a]+=1
            pts[h]+=3 if hg>ag else (1 if hg==ag else 0); pts[a]+=3 if ag>hg else (1 if hg==ag else 0)
        i+=len(day)
def summarize(sel,label):
    if not sel: print(label,0); return
    g=sum(x[4] for x in sel)/len(sel)
    # model minus closing prob for home win / away win
    dh=sum(x[5][0]-x[6][0] for x in sel)/len(sel); da=sum(x[5][2]-x[6][2] for x in sel)/len(sel)
    print(f"{label:40s} n={len(sel):5d} gap={g:+.4f} dHome={dh:+.4f} dAway={da:+.4f}")
for span,(a,b) in {"tuning 2014-2018":(2014,2018),"reported 2019-2024":(2019,2024)}.items():
    sub=[x for x in res if a<=x[0]<=b]
    summarize(sub,span+" all")
    summarize([x for x in sub if x[2] and x[3]],"  both have stakes")
    summarize([x for x in sub if not x[2] and x[3]],"  home nothing, away stakes")
    summarize([x for x in sub if x[2] and not x[3]],"  home stakes, away nothing")
    summarize([x for x in sub if not x[2] and not x[3]],"  neither")
    for lo,hi in [(0,.2),(.2,.4),(.4,.6),(.6,.8),(.8,1.01)]:
        summarize([x for x in sub if lo<=x[1]<hi],f"  fraction {lo}-{hi}")

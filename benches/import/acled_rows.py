#!/usr/bin/env python3
"""Rows shaped like ACLED's export, for the import benchmark.

Usage: acled_rows.py N > acled.csv

The rows are invented (ids, dates, places and notes drawn from a fixed seed)
but have every column of the export, in its order, with ACLED's values: the
three time precisions, the three geo precisions, event types and sub-types,
semicolon-separated sources and a sentence of notes, so the import reads
them exactly as it would read the real file.
"""
import random
import sys

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
          "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
          "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
          "source,source_scale,notes,fatalities,tags,timestamp")
PLACES = [("KAZ", 398, "Kazakhstan", "Almaty", 43.24, 76.89), ("KGZ", 417, "Kyrgyzstan", "Batken", 40.06, 70.82),
          ("TJK", 762, "Tajikistan", "Sughd", 40.28, 69.62), ("ARM", 51, "Armenia", "Syunik", 39.2, 46.4),
          ("AZE", 31, "Azerbaijan", "Baku", 40.41, 49.87), ("GEO", 268, "Georgia", "Tbilisi", 41.72, 44.79),
          ("UZB", 860, "Uzbekistan", "Fergana", 40.39, 71.78), ("TKM", 795, "Turkmenistan", "Ahal", 37.95, 58.38)]
TYPES = [("Political violence", "Battles", "Armed clash"), ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Demonstrations", "Protests", "Peaceful protest"), ("Demonstrations", "Riots", "Violent demonstration"),
         ("Political violence", "Violence against civilians", "Attack"), ("Strategic developments", "Strategic developments", "Agreement")]


def main() -> None:
    n = int(sys.argv[1])
    rnd = random.Random(17)
    out = sys.stdout
    out.write(HEADER + "\n")
    for i in range(n):
        code, iso, country, admin1, lat, lon = rnd.choice(PLACES)
        disorder, etype, sub = rnd.choice(TYPES)
        year = rnd.randint(2018, 2024)
        month = rnd.randint(1, 12)
        day = rnd.randint(1, 28)
        prec = rnd.choice((1, 1, 1, 2, 3))
        y, x = lat + rnd.uniform(-0.5, 0.5), lon + rnd.uniform(-0.5, 0.5)
        out.write(f"{code}{i + 1},{year}-{month:02d}-{day:02d},{year},{prec},{disorder},{etype},{sub},"
                  f"Military Forces of {country},,1,Protesters ({country}),,6,16,,{iso},Central Asia,{country},"
                  f"{admin1},,,Place {i % 997},{y:.4f},{x:.4f},{rnd.choice((1, 2, 3))},"
                  f"Local News; Agency {i % 13},National,On {day} {month}/{year} a {sub.lower()} was reported near place {i % 997} "
                  f"in {admin1}; no further details were given.,{rnd.randint(0, 5)},,{1600000000 + i}\n")


if __name__ == "__main__":
    main()

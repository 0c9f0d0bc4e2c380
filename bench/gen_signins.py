#!/usr/bin/env python3
"""Deterministic generator of realistic sign-in CSV exports (签到表) for ldt benchmarks.

Every trainee is a pure function of (--pool-seed, trainee number), so files generated with
different --seed / --trainee-base values agree on who a trainee is (same ID number, name,
phone, address): importing many of them into one project yields repeat trainees, never
`id-name-conflict`.  ID numbers are unique per trainee number (below 16,000,000) and
carry a valid GB 11643-1999 check digit.

Single file:
    gen_signins.py -o big.csv --rows 1000000 --distinct 400000 --start-day 2021-03-10 --days 3
Many session files at once (plus DIR/manifest.tsv: file, first day, last day):
    gen_signins.py -o DIR --files 1000 --rows 500 --distinct 250 --days 2 \
        --start-day 2021-03-01 --span-days 61 --pool 200000

Row layout (UTF-8 with BOM, CRLF, as "CSV UTF-8" from Excel or WPS):
    序号,姓名,性别,身份证号码,联系电话,所在镇,家庭住址,人员类别,签到时间
Rows are grouped by day; each day a different subset of the file's trainees signs in,
in a scrambled order.  --messy adds harmless variety that ldt must normalise (leading
apostrophe on IDs, +86/dashes in phones, spaces in names, 2021/3/10 or 2021年3月10日
dates); --dup-rate repeats rows (duplicates); --bad-rate breaks rows (rejects).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys

MASK64 = (1 << 64) - 1

# Region codes: mostly Luhe, then the rest of Shanwei and a few other Guangdong counties.
REGIONS = (["441523"] * 14 + ["441502", "441521", "441581", "441581", "441521",
                              "445222", "441424", "440306", "441302", "445122"])
TOWNS = ["河田镇", "水唇镇", "螺溪镇", "东坑镇", "新田镇", "上护镇", "河口镇", "南万镇"]
VILLAGE_PARTS = list("新联东西南北上下塘坑田湖岭背围寨和安富兴罗溪洞坪石桥光明")
ROADS = ["人民路", "新河路", "朝阳路", "环城路", "青梅路", "振兴路", "建设路", "团结路"]
SURNAMES = list("陈黄彭叶罗李张刘林卓朱曾钟吴郑蔡徐许何杨邱赖温谢庄江周杜蓝余范")
GIVEN = list("建国华明伟芳丽敏静军勇强磊洋艳娟霞秀英兰桂春梅秋冬志文武海燕玲红平"
             "俊杰辉亮鹏飞宇浩然嘉欣怡婷雪琳慧晓燕鑫淑贞惠娇凤晖锦涛")
# (staff word, weight): what people really write in 人员类别 (Measures Art. 3).
CATEGORIES = [("农村青年", 22), ("返乡人员", 10), ("务工返乡人员", 5), ("建档立卡贫困户", 8),
              ("贫困户", 6), ("农村妇女", 12), ("残疾人", 3), ("退伍军人", 2),
              ("合作社成员", 5), ("种养大户", 6), ("运销经纪人", 2), ("村干部", 5),
              ("镇村站点运营人员", 3), ("个体工商户", 7), ("企业电商运营人员", 3),
              ("大学生村官", 1), ("政府工作人员", 1)]
CAT_WORDS = [w for w, n in CATEGORIES for _ in range(n)]

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
BIRTH_BASE = dt.date(1962, 1, 1)   # birth dates 1962-01-01 .. ~2005-10: ages 15–59 in 2021
BIRTH_DAYS = 16000
ID_SPACE = BIRTH_DAYS * 1000       # (birth date, 3-digit sequence) pairs


def splitmix(x: int) -> int:
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def check_digit(body17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS)) % 11]


class Pool:
    """Trainee attributes as a function of (pool seed, trainee number)."""

    def __init__(self, seed: int):
        self.seed = splitmix(seed * 0x2545F4914F6CDD1D + 12345)
        # idx -> (birth, seq) bijection on [0, ID_SPACE): multiply by a unit, add an offset.
        self.mult = 7919 * 104729 % ID_SPACE  # coprime with 2 and 5 → with ID_SPACE
        self.add = self.seed % ID_SPACE

    def trainee(self, idx: int):
        h = splitmix(self.seed ^ (idx * 0x9E3779B97F4A7C15 & MASK64))
        h2 = splitmix(h)
        p = (idx * self.mult + self.add) % ID_SPACE
        birth = BIRTH_BASE + dt.timedelta(days=p // 1000)
        seq = p % 1000
        region = REGIONS[h % len(REGIONS)]
        body = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
        id_number = body + check_digit(body)
        gender = "男" if seq % 2 == 1 else "女"
        name = SURNAMES[(h >> 8) % len(SURNAMES)] + GIVEN[(h >> 16) % len(GIVEN)]
        if (h >> 24) % 10 < 7:  # most names have two given characters
            name += GIVEN[(h >> 32) % len(GIVEN)]
        phone = "1" + "3456789"[(h2 >> 4) % 7] + f"{(h2 >> 8) % 1000000000:09d}"
        town = TOWNS[(h2 >> 40) % len(TOWNS)]
        village = VILLAGE_PARTS[(h2 >> 44) % len(VILLAGE_PARTS)] + VILLAGE_PARTS[(h2 >> 50) % len(VILLAGE_PARTS)] + "村"
        if (h2 >> 56) % 4 == 0:
            address = f"广东省汕尾市陆河县{town}{ROADS[(h >> 40) % len(ROADS)]}{(h >> 48) % 200 + 1}号"
        else:
            address = f"广东省汕尾市陆河县{town}{village}{(h >> 48) % 120 + 1}号"
        cat = CAT_WORDS[(h >> 56) % len(CAT_WORDS)]
        if (h2 >> 60) % 8 == 0:
            other = CAT_WORDS[(h2 >> 20) % len(CAT_WORDS)]
            if other != cat:
                cat = f"{cat}、{other}"
        return name, gender, id_number, phone, town, address, cat


def messy(rng: random.Random, name, id_number, phone, when: dt.datetime):
    """Harmless export variety that ldt must normalise, one kind per row."""
    k = rng.randrange(6)
    stamp = f"{when:%Y-%m-%d %H:%M}"
    if k == 0:
        id_number = "'" + id_number
    elif k == 1:
        phone = "+86 " + phone
    elif k == 2:
        phone = f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
    elif k == 3 and len(name) == 2:
        name = name[0] + " " + name[1]
    elif k == 4:
        stamp = f"{when.year}/{when.month}/{when.day} {when.hour}:{when.minute:02d}"
    else:
        stamp = f"{when.year}年{when.month}月{when.day}日 {when.hour}:{when.minute:02d}"
    return name, id_number, phone, stamp


def broken(rng: random.Random, fields: list):
    """A row that must be rejected (one reason each)."""
    k = rng.randrange(4)
    if k == 0:  # wrong check digit
        i = fields[3]
        fields[3] = i[:17] + ("0" if i[17] != "0" else "1")
    elif k == 1:  # Excel damage
        fields[3] = "4.41523E+17"
    elif k == 2:
        fields[7] = "外星人"
    else:
        fields[4] = "12345"
    return fields


def write_file(path, pool, rows, distinct, base, first_day, days, seed, args):
    if rows > distinct * days and args.dup_rate == 0:
        sys.exit(f"--rows {rows} > --distinct {distinct} x --days {days}: raise --distinct or --days")
    rng = random.Random(seed)
    trainees = [None] * distinct
    per_day = [rows // days + (1 if d < rows % days else 0) for d in range(days)]
    nl = "\n" if args.lf else "\r\n"
    out = []
    serial = 0
    with open(path, "w", encoding="utf-8-sig" if not args.no_bom else "utf-8", newline="") as f:
        if args.title:
            out.append("陆河县电子商务进农村培训签到表,,,,,,,," + nl)
        out.append("序号,姓名,性别,身份证号码,联系电话,所在镇,家庭住址,人员类别,签到时间" + nl)
        for d in range(days):
            day = first_day + dt.timedelta(days=d)
            n = min(per_day[d], distinct)
            # A scrambled walk over the file's trainees: start offset + stride coprime with distinct.
            start = rng.randrange(distinct)
            stride = rng.randrange(1, distinct) if distinct > 1 else 1
            while _gcd(stride, distinct) != 1:
                stride += 1
            minute0 = 8 * 60 + 15
            k = 0
            for j in range(per_day[d]):
                t = (start + (j % n) * stride) % distinct
                attrs = trainees[t]
                if attrs is None:
                    attrs = trainees[t] = pool.trainee(base + t)
                name, gender, id_number, phone, town, address, cat = attrs
                m = minute0 + (k * 55) // max(n, 1) + rng.randrange(3)
                k += 1
                when = dt.datetime.combine(day, dt.time(m // 60, m % 60))
                r = rng.random()
                if r < args.messy:
                    name, id_number, phone, stamp = messy(rng, name, id_number, phone, when)
                else:
                    stamp = f"{day.isoformat()} {m // 60:02d}:{m % 60:02d}"
                fields = [None, name, gender, id_number, phone, town, address, cat, stamp]
                if args.bad_rate and rng.random() < args.bad_rate:
                    fields = broken(rng, fields)
                serial += 1
                fields[0] = str(serial)
                line = ",".join(fields) + nl
                out.append(line)
                if args.dup_rate and rng.random() < args.dup_rate:
                    serial += 1
                    out.append(str(serial) + line[line.index(","):])
                if len(out) >= 20000:
                    f.write("".join(out))
                    out.clear()
        if args.title:
            out.append(f"合计,{serial}人次,,,,,,," + nl)
        f.write("".join(out))
    return serial


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", required=True, help="output file (or directory with --files)")
    ap.add_argument("--rows", type=int, default=1000, help="data rows per file")
    ap.add_argument("--distinct", type=int, default=None, help="distinct trainees per file (default rows/days)")
    ap.add_argument("--start-day", default="2021-03-10", help="first day of the session (YYYY-MM-DD)")
    ap.add_argument("--days", type=int, default=2, help="number of session days")
    ap.add_argument("--seed", type=int, default=1, help="seed for row order, times and variety")
    ap.add_argument("--pool-seed", type=int, default=2021, help="seed of the trainee identities")
    ap.add_argument("--trainee-base", type=int, default=0, help="first trainee number of this file")
    ap.add_argument("--pool", type=int, default=0, help="with --files: trainee numbers wrap at this size")
    ap.add_argument("--files", type=int, default=0, help="write this many session files into the output dir")
    ap.add_argument("--span-days", type=int, default=61, help="with --files: session starts cycle over this many days")
    ap.add_argument("--messy", type=float, default=0.02, help="fraction of rows with harmless variety")
    ap.add_argument("--dup-rate", type=float, default=0.0, help="fraction of rows repeated (duplicates)")
    ap.add_argument("--bad-rate", type=float, default=0.0, help="fraction of rows broken (rejects)")
    ap.add_argument("--title", action="store_true", help="add a title row above the header and a 合计 footer")
    ap.add_argument("--no-bom", action="store_true", help="omit the UTF-8 BOM")
    ap.add_argument("--lf", action="store_true", help="LF line ends instead of CRLF")
    args = ap.parse_args()

    first = dt.date.fromisoformat(args.start_day)
    distinct = args.distinct or -(-args.rows // args.days)
    if distinct >= ID_SPACE:
        sys.exit(f"--distinct must be below {ID_SPACE}")
    pool = Pool(args.pool_seed)
    if args.files <= 0:
        write_file(args.output, pool, args.rows, distinct, args.trainee_base, first, args.days, args.seed, args)
        return
    os.makedirs(args.output, exist_ok=True)
    starts = max(1, args.span_days - args.days + 1)
    width = max(4, len(str(args.files)))
    manifest = []
    for j in range(args.files):
        day = first + dt.timedelta(days=(j * 7) % starts)  # spread over the span, not in order
        base = args.trainee_base + j * distinct
        if args.pool:
            base %= args.pool
        name = f"{j + 1:0{width}d}.csv"
        write_file(os.path.join(args.output, name), pool, args.rows, distinct, base, day, args.days,
                   args.seed * 1000003 + j, args)
        last = day + dt.timedelta(days=args.days - 1)
        manifest.append(f"{name}\t{day.isoformat()}\t{last.isoformat()}\n")
    with open(os.path.join(args.output, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.writelines(manifest)


if __name__ == "__main__":
    main()

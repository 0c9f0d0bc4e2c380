#!/usr/bin/env python3
"""Generate the sign-in exports of the Luhe 2021 example, "as staff send them".

Every person here is invented. ID numbers carry valid GB 11643 check digits (except
the ones Excel damaged or staff mistyped on purpose), phones are 11-digit mobiles.
The output is deterministic (fixed seed): running this script again gives the same
bytes, so the committed files and the script always agree.

    python3 examples/luhe-2021-inputs/generate_exports.py

writes into examples/luhe-2021-inputs/exports/:

  1-第一期签到表-河田镇-20210316.csv      GB18030 (Excel/WPS "CSV"), merged title row, info row,
                                          blank row, 25 rows, 合计 row, 制表人 footer, CRLF
  2-第二期签到表-螺溪镇-0420-0421.csv     UTF-8 with BOM (online form export), 2 days, 30 rows
  3-第二期补签表-螺溪镇-Excel.csv         GB18030, saved again by Excel: 3 ID numbers destroyed
                                          (4.41523E+17, and two 18-digit numbers ending in 000)
  4-第三期签到表-水唇镇-20210518.txt      UTF-16LE with BOM, tab separated (Excel "Unicode text"),
                                          one ID number mistyped (wrong check digit) -> the fix loop
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "exports")

rng = random.Random(20210316)

# ---------------------------------------------------------------- identity numbers

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_digit(first17):
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def make_id(region, birth, male):
    """birth = (y, m, d); the 17th digit is odd for men, even for women."""
    while True:
        seq = "%02d" % rng.randrange(0, 100)
        sex = rng.choice("13579" if male else "02468")
        first17 = "%s%04d%02d%02d%s%s" % (region, birth[0], birth[1], birth[2], seq, sex)
        return first17 + check_digit(first17)


# ---------------------------------------------------------------- people

SURNAMES = "叶彭罗刘黄张陈李曾温朱徐钟庄蔡卓彭叶罗黄刘陈"  # Hakka Luhe: 叶/彭/罗 are common
MALE_GIVEN = ["志强", "伟东", "建华", "俊杰", "国平", "海峰", "文斌", "振宇", "锦涛", "少雄",
              "家豪", "永康", "晓东", "春生", "德明", "桂林", "小龙", "子豪", "明辉", "泽鹏",
              "嘉伟", "荣光", "建新", "耀文", "远航"]
FEMALE_GIVEN = ["秀兰", "丽娟", "美玲", "晓燕", "慧敏", "雪梅", "春花", "小红", "金凤", "思婷",
                "婉婷", "丽芳", "惠珍", "巧玲", "桂英", "玉霞", "佩珊", "晓琳", "月娥", "淑贞",
                "嘉欣", "梦婷", "碧霞", "少芬", "宝珠"]

TOWNS = {
    "河田镇": ["楼角村", "新寨村", "河北村", "湖坑村", "明溪村"],
    "水唇镇": ["螺洞村", "上北村", "高潭村", "水唇村"],
    "新田镇": ["激石溪村", "联安村", "新田村"],
    "螺溪镇": ["欧田村", "各安村", "正大村", "螺河村"],
    "上护镇": ["上护村", "芒辽村", "下南村"],
    "东坑镇": ["东坑村", "大溪村", "共光村"],
    "南万镇": ["万全村", "南告村", "龙塘村"],
    "河口镇": ["河口村", "田墩村", "新丰村"],
}

MOBILE_PREFIXES = ["134", "135", "136", "137", "138", "139", "147", "150", "151", "152",
                   "157", "158", "159", "177", "180", "186", "188", "189", "198", "199"]

# category id -> what staff write
WORDS = {
    "rural_youth": "农村青年",
    "poor_household": "建档立卡贫困户",
    "returnee": "务工返乡人员",
    "rural_woman": "农村妇女",
    "disabled": "残疾人",
}

used_names = set()
used_ids = set()
used_phones = set()


class Person:
    pass


def new_person(cats, home_town=None):
    p = Person()
    p.cats = cats
    p.male = rng.random() < 0.55
    if "rural_woman" in cats:
        p.male = False
    while True:
        given = rng.choice(MALE_GIVEN if p.male else FEMALE_GIVEN)
        name = rng.choice(SURNAMES) + given
        if name not in used_names:
            break
    used_names.add(name)
    p.name = name
    if "rural_youth" in cats:
        year = rng.randrange(1983, 2003)       # 18-38 in 2021
    elif "returnee" in cats:
        year = rng.randrange(1978, 1998)
    elif "rural_woman" in cats:
        year = rng.randrange(1975, 1995)
    else:                                       # poor households, disabled
        year = rng.randrange(1963, 1992)
    birth = (year, rng.randrange(1, 13), rng.randrange(1, 29))
    # most trainees are from Luhe; a few married in from Haifeng/Lufeng or hold a Shanwei card
    region = rng.choices(["441523", "441521", "441581", "441502"], [17, 1, 1, 1])[0]
    while True:
        pid = make_id(region, birth, p.male)
        if pid not in used_ids:
            break
    used_ids.add(pid)
    p.id = pid
    while True:
        phone = rng.choice(MOBILE_PREFIXES) + "%08d" % rng.randrange(0, 10 ** 8)
        if phone not in used_phones:
            break
    used_phones.add(phone)
    p.phone = phone
    p.town = home_town or rng.choice(list(TOWNS))
    p.village = rng.choice(TOWNS[p.town])
    p.address = "陆河县%s%s%d号" % (p.town, p.village, rng.randrange(1, 160))
    return p


def pick_cats():
    """Mostly rural youth and poor households, some returnees, rural women, disabled."""
    r = rng.random()
    if r < 0.36:
        return ["rural_youth"]
    if r < 0.62:
        return ["poor_household"]
    if r < 0.70:
        return ["rural_youth", "poor_household"]
    if r < 0.80:
        return ["returnee"]
    if r < 0.90:
        return ["rural_woman"]
    if r < 0.95:
        return ["rural_woman", "poor_household"]
    return ["disabled", "poor_household"]


def cat_text(cats, sep="、"):
    return sep.join(WORDS[c] for c in cats)


def gender(p):
    return "男" if p.male else "女"


def times(n, start_h=8, start_m=30, min_step=0):
    """n non-decreasing sign-in times from start, as (hour, minute)."""
    out, minute = [], start_h * 60 + start_m
    for _ in range(n):
        minute += rng.randrange(min_step, 3)
        out.append((minute // 60, minute % 60))
    return out


def write(name, text, encoding, newline="\r\n"):
    data = text.replace("\n", newline).encode(encoding)
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %-44s %6d bytes  %s" % (name, len(data), encoding))


os.makedirs(OUT, exist_ok=True)

# ---------------------------------------------------------------- session 1: 河田镇, 2021-03-16

s1 = [new_person(pick_cats(), rng.choice(["河田镇", "河田镇", "河口镇", "新田镇", "上护镇"])) for _ in range(25)]
# the county asked the first session to bring in rural youth and poor households first
s1[0].cats, s1[1].cats, s1[2].cats = ["rural_youth"], ["poor_household"], ["disabled", "poor_household"]

lines = [
    "陆河县2021年第一期农村电商实操培训签到表,,,,,,,,",
    "培训时间：2021年3月16日,,,,培训地点：陆河县电子商务公共服务中心二楼培训室,,,,",
    ",,,,,,,,",
    "序号,姓名,性别,身份证号,手机,镇,地址,类别,时间",
]
for i, (p, (h, m)) in enumerate(zip(s1, times(len(s1))), 1):
    phone = p.phone
    if i == 7:
        phone = phone[:3] + " " + phone[3:7] + " " + phone[7:]   # typed with spaces
    lines.append("%d,%s,%s,%s,%s,%s,%s,%s,2021/3/16 %d:%02d" % (
        i, p.name, gender(p), p.id, phone, p.town, p.address, cat_text(p.cats), h, m))
lines.append("合计,%d人,,,,,,," % len(s1))
lines.append("制表人：钟雅婷,,,,审核人：叶振华,,,,")
write("1-第一期签到表-河田镇-20210316.csv", "\n".join(lines) + "\n", "gb18030")

# ---------------------------------------------------------------- session 2: 螺溪镇, 2021-04-20..21

back = [s1[3], s1[5], s1[8], s1[12]]                 # four trainees of session 1 come back
fresh = [new_person(pick_cats(), rng.choice(["螺溪镇", "螺溪镇", "东坑镇", "南万镇", "水唇镇"])) for _ in range(13)]
s2 = back + fresh                                     # 17 trainees
rng.shuffle(s2)
day2_absent = set(id(p) for p in rng.sample(s2, 4))   # 13 come on both days: 17 + 13 = 30 rows
blank_address = next(p for p in fresh if id(p) in day2_absent)  # came on day 1 only
two_phones = next(p for p in fresh if id(p) not in day2_absent)  # gave a second number on day 1
second_phone = "137%08d" % rng.randrange(0, 10 ** 8)

header = "序号,姓名,性别,身份证号码,联系电话,所在镇,所在村,家庭住址,人员类别,是否贫困户,签到时间"
lines = ["陆河县2021年第二期农村电商培训班签到表（螺溪镇）,,,,,,,,,,", header]
n = 0
for day, who in (("2021-04-20", s2), ("2021-04-21", [p for p in s2 if id(p) not in day2_absent])):
    for p, (h, m) in zip(who, times(len(who), 8, 35, 1)):
        n += 1
        poor = "是" if "poor_household" in p.cats else "否"
        other = [c for c in p.cats if c != "poor_household"]
        cats = cat_text(other) if other else "建档立卡贫困户"
        phone = p.phone
        if p is two_phones and day == "2021-04-20":
            phone = p.phone + "/" + second_phone              # two numbers in one cell: the first is kept
        address = p.address
        if p is blank_address:
            address = ""                                      # left blank: a warning, not a reject
        lines.append("%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s %02d:%02d:%02d" % (
            n, p.name, gender(p), p.id, phone, p.town, p.village, address, cats, poor,
            day, h, m, rng.randrange(60)))
write("2-第二期签到表-螺溪镇-0420-0421.csv", "\ufeff" + "\n".join(lines) + "\n", "utf-8")


# ---------------------------------------------------------------- session 2: the late sheet Excel saved again

def excel_truncated(pid):
    """What Excel keeps of an 18-digit number: 15 significant digits, then 000."""
    return pid[:15] + "000"


damaged = []
while len(damaged) < 3:
    p = new_person(pick_cats(), rng.choice(["螺溪镇", "东坑镇"]))
    # keep only people whose Excel-truncated number also fails the check digit (as most do)
    if len(damaged) > 0 and check_digit(excel_truncated(p.id)[:17]) == "0":
        continue
    if len(damaged) == 0 and not p.id.startswith("441523"):
        continue
    damaged.append(p)
late_ok = [new_person(pick_cats(), "螺溪镇"), new_person(pick_cats(), "东坑镇")]
again = [p for p in s2 if id(p) not in day2_absent][2]  # signed the main sheet too: a duplicate

rows = [(damaged[0], "4.41523E+17"), (late_ok[0], None), (damaged[1], excel_truncated(damaged[1].id)),
        (again, None), (late_ok[1], None), (damaged[2], excel_truncated(damaged[2].id))]
lines = ["陆河县2021年第二期农村电商培训班补签表,,,,,,,,,,", header]
for i, ((p, shown), (h, m)) in enumerate(zip(rows, times(len(rows), 13, 50)), 1):
    poor = "是" if "poor_household" in p.cats else "否"
    other = [c for c in p.cats if c != "poor_household"]
    cats = cat_text(other) if other else "建档立卡贫困户"
    lines.append("%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,2021/4/21 %d:%02d" % (
        i, p.name, gender(p), shown or p.id, p.phone, p.town, p.village, p.address, cats, poor, h, m))
write("3-第二期补签表-螺溪镇-Excel.csv", "\n".join(lines) + "\n", "gb18030")

# ---------------------------------------------------------------- session 3: 水唇镇, 2021-05-18 (the main job)

back = [s1[0], s1[10], fresh[2]]
s3 = back + [new_person(pick_cats(), rng.choice(["水唇镇", "水唇镇", "新田镇", "河田镇"])) for _ in range(17)]
rng.shuffle(s3)
bad_row = 11                                          # 1-based data row whose ID is mistyped
lines = ["陆河县2021年第三期农村电商培训签到表（水唇镇）" + "\t" * 8,
         "序号\t姓名\t性别\t身份证号\t手机号码\t乡镇\t住址\t学员类型\t签到时间"]
typo = None
for i, (p, (h, m)) in enumerate(zip(s3, times(len(s3), 8, 40)), 1):
    pid = p.id
    if i == bad_row:
        # two digits of the sequence code swapped while copying from the paper form
        wrong = pid[:14] + pid[15] + pid[14] + pid[16:]
        assert wrong != pid and check_digit(wrong[:17]) != wrong[17]
        typo = (p.name, wrong, pid)
        pid = wrong
    lines.append("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t2021/5/18 %d:%02d" % (
        i, p.name, gender(p), pid, p.phone, p.town, p.address, cat_text(p.cats, " "), h, m))
write("4-第三期签到表-水唇镇-20210518.txt", "\ufeff" + "\n".join(lines) + "\n", "utf-16-le")

print("session 2 Excel-damaged rows: %s" % ", ".join("%s %s" % (p.name, p.id) for p in damaged))
print("session 3 mistyped row %d: %s %s (paper form: %s)" % (bad_row + 2, typo[0], typo[1], typo[2]))

#!/usr/bin/env python3
"""Generate the survey and follow-up exports of the Luhe 2021 example, "as staff send them".

    python3 examples/luhe-2021-inputs/generate_surveys.py

reads the sign-in exports in exports/ (for the trainees' names and ID numbers) and writes:

  5-123456789_按文本_第一期满意度调查_22_22.csv   a 问卷星 按文本 download (UTF-8 with BOM): 22 of
                                                 session 1's 25 trainees, name and ID number asked
  6-第二期满意度调查表-录入.csv                   session 2's paper forms typed into a sheet (GBK):
                                                 scores 1-5, one answer typed as 6 (a reject)
  7-跟踪孵化记录表-2021年4月.csv                  the provider's follow-up sheet (GBK, a title row)

All people are invented; the output is deterministic.
"""
import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "exports")
rng = random.Random(20210427)


def trainees(name, encoding, header_row):
    with open(os.path.join(OUT, name), encoding=encoding, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[header_row]
    name_col = header.index("姓名")
    id_col = next(i for i, h in enumerate(header) if h.startswith("身份证号"))
    seen, out = set(), []
    for row in rows[header_row + 1:]:
        if len(row) <= id_col or not row[id_col] or row[id_col] in seen:
            continue
        seen.add(row[id_col])
        out.append((row[name_col], row[id_col]))
    return out


def write(name, text, encoding):
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        f.write(text)


LABELS = {5: "非常满意", 4: "满意", 3: "一般", 2: "不满意", 1: "非常不满意"}


def score(weights):
    return rng.choices([5, 4, 3, 2], weights=weights)[0]


def wjx_session1():
    people = trainees("1-第一期签到表-河田镇-20210316.csv", "gb18030", 3)[:22]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名：",
                "2、您的身份证号码：", "3、您对本次培训的总体满意度：", "第4题(培训内容)", "第4题(授课讲师)",
                "第4题(组织管理)", "第4题(场地设施)", "5、您对本次培训有什么意见和建议？"])
    comments = ["希望多安排实操", "(空)", "(空)", "讲得很实用", "(空)", "希望能再办一期直播带货"]
    for i, (name, id_number) in enumerate(people, start=1):
        minute = 31 + i
        w.writerow([i, f"2021/03/16 17:{minute:02d}:{rng.randint(0, 59):02d}", f"{rng.randint(120, 400)}秒",
                    rng.choice(["手机提交", "微信"]), "直接访问", f"183.{rng.randint(1, 254)}.{rng.randint(1, 254)}."
                    f"{rng.randint(1, 254)}(广东-汕尾)", name, id_number,
                    LABELS[score([6, 3, 1, 0])], LABELS[score([5, 4, 1, 0])], LABELS[score([8, 2, 0, 0])],
                    LABELS[score([4, 5, 1, 0])], LABELS[score([2, 5, 3, 1])], rng.choice(comments)])
    write("5-123456789_按文本_第一期满意度调查_22_22.csv", "\ufeff" + out.getvalue(), "utf-8")


def paper_session2():
    people = trainees("2-第二期签到表-螺溪镇-0420-0421.csv", "utf-8-sig", 1)[:26]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["序号", "姓名", "身份证号", "总体满意度", "培训内容", "讲师", "组织", "场地", "意见建议"])
    for i, (name, id_number) in enumerate(people, start=1):
        overall = score([4, 4, 2, 1])
        if i == 9:
            overall = 6  # typed wrong from the paper form: a survey-answer reject
        w.writerow([i, name, id_number, overall, score([4, 5, 1, 0]), score([5, 4, 1, 0]), score([3, 5, 2, 0]),
                    score([2, 4, 3, 1]), "" if i % 5 else "培训时间有点短"])
    write("6-第二期满意度调查表-录入.csv", out.getvalue(), "gb18030")


def followups():
    people = trainees("1-第一期签到表-河田镇-20210316.csv", "gb18030", 3)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["陆河县2021年电子商务进农村培训跟踪孵化记录表（第一期）"] + [""] * 11)
    w.writerow(["序号", "姓名", "身份证号码", "回访时间", "回访方式", "是否开店", "店铺名称", "平台", "月销售额（元）",
                "是否就业", "孵化服务内容", "回访人"])
    shops = [("河田土特产", "拼多多", "3,000"), ("客家擂茶小铺", "淘宝", "5000元"), ("", "", ""),
             ("青梅农场直供", "抖音", "0.8万"), ("", "", ""), ("", "", "")]
    for i, (name, id_number) in enumerate(people[:12], start=1):
        shop, platform, sales = shops[i % len(shops)]
        w.writerow([i, name, id_number, f"2021/4/{8 + i}", rng.choice(["电话", "微信", "上门"]),
                    "是" if shop else "否", shop, platform, sales, "是" if i % 4 == 0 else "否",
                    rng.choice(["店铺装修指导", "直播带货指导", "产品拍摄指导", "物流对接"]), "罗晓丹"])
    w.writerow(["制表人：罗晓丹"] + [""] * 11)
    write("7-跟踪孵化记录表-2021年4月.csv", out.getvalue(), "gb18030")


if __name__ == "__main__":
    wjx_session1()
    paper_session2()
    followups()

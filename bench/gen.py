#!/usr/bin/env python3
"""Write a dailylog store of N generated entries, deterministically.

usage: gen.py [-s SEED] N DIR

Bodies of about 1.5 KB are recombined from the fragments below (Japanese
for most entries, English for a fifth of them); clients, contacts, staff
and tags come from small pools; one long series ("long", 1,000 parts, or
N/2 when the store is smaller) and many short ones.  The same seed and N
always give the same files, byte for byte.
"""
import datetime
import os
import random
import sys

JA_SENTENCES = [
    "午前中に{client}の{contact}を訪ね、来月からの増員について話を伺いました。",
    "先方は繁忙期に向けて事務経験のある方を二名ほど求めています。",
    "就業中の{staff}の勤怠は安定しており、現場の評価も上々とのことでした。",
    "契約更新の時期が近いため、条件の見直しを含めて相談を始めます。",
    "残業時間が先月より増えている点を確認し、次回の面談で本人の負担を聞きます。",
    "見積書は金曜までに提出する約束をしました。",
    "先方の担当者が異動になるため、引き継ぎの日程を調整する必要があります。",
    "社内の登録者から候補を三名選び、経歴を整理して提案する予定です。",
    "現場見学の日程は候補日を二つ出して先方の返事を待っています。",
    "入館手続きの書類に不備があり、総務課に差し替えをお願いしました。",
    "職場の雰囲気は落ち着いていて、新しい方でもなじみやすそうです。",
    "前回の指摘事項については改善の報告を受け、先方も納得されていました。",
    "交通費の精算方法について質問があり、規定を説明しました。",
    "帰社後、上長に状況を共有し、対応方針の確認を取りました。",
    "来週の定例訪問では稼働状況の確認と次期の人員計画を話し合います。",
    "派遣期間の上限が近い方がいるため、早めに選択肢を示しておきます。",
    "研修資料の準備が遅れているとのことで、こちらからも手伝いを申し出ました。",
    "請求書の宛名が変わるとの連絡があり、経理に伝えました。",
]
JA_HEADINGS = ["## 訪問内容", "## 対応経緯", "## 所感", "## 今後の対応", "## 補足"]
JA_ITEMS = [
    "- 見積書の送付（金曜まで）",
    "- 候補者の経歴書を整える",
    "- 次回訪問の日程を確定する",
    "- 勤怠表の締めを確認する",
    "- 上長へ結果を報告する",
    "- 貸与品の返却を確認する",
]
EN_SENTENCES = [
    "Met {contact} at {client} in the morning to review the staffing plan for next quarter.",
    "They expect two more openings in the accounts team before the busy season.",
    "{staff} is doing well on site and the team lead praised the weekly reports.",
    "The contract renewal is due next month, so we started on the revised terms.",
    "Overtime rose again this month; I will ask about the workload at the next check-in.",
    "I promised a written quote by Friday, including the night-shift rate.",
    "Their coordinator moves to another office soon, and the handover needs a date.",
    "Three registered candidates look suitable; I will send short profiles tomorrow.",
    "A site tour is pencilled in for two possible days, waiting for their answer.",
    "One form for the building pass was missing a signature and had to be redone.",
    "The floor is calm and orderly, which should help a newcomer settle in quickly.",
    "The issues raised last time were fixed, and the client confirmed it in writing.",
    "Back at the office I briefed my manager and we agreed on the next steps.",
]
EN_HEADINGS = ["## Visit", "## Background", "## Impressions", "## Next steps"]
EN_ITEMS = [
    "- send the quote by Friday",
    "- tidy up the candidate profiles",
    "- fix the date of the next visit",
    "- check the timesheets before closing",
]
CLIENTS = ["T社", "M商事", "K工業", "S物流", "Aテック", "北浜製作所", "Harbor Logistics",
           "Nagoya Foods", "青葉銀行", "R不動産", "Sakura Print", "Y電機"]
CONTACTS = ["O部長", "田中課長", "佐藤さん", "Ms. Ito", "Mr. Grant", "山本主任", "人事の林さん"]
STAFF = ["Kさん", "Hさん", "Aさん", "Mさん", "Ms. Lee", "Mr. Park", "Tさん", "Nさん"]
TAGS = ["定期訪問", "新規", "契約更新", "クレーム", "見積", "面談", "入館証", "勤怠",
        "follow-up", "renewal", "onboarding"]
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
LONG_PARTS = 1000


def quote(s):
    """A YAML double-quoted scalar (the fragments hold no control characters)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body(rng, en, fill):
    sentences, headings, items = ((EN_SENTENCES, EN_HEADINGS, EN_ITEMS) if en
                                  else (JA_SENTENCES, JA_HEADINGS, JA_ITEMS))
    lines, size = [], 0
    while size < 1400:
        para = rng.choice(headings)
        lines.append(para)
        lines.append("")
        text = "".join((" " if en and k else "") + rng.choice(sentences).format(**fill)
                       for k in range(rng.randint(2, 4)))
        lines.append(text)
        lines.append("")
        if rng.random() < 0.4:
            lines.extend(rng.sample(items, 2))
            lines.append("")
        size = len("\n".join(lines).encode())
    return "\n".join(lines).rstrip("\n")


def entry_yaml(rng, when, series, part, en):
    fill = {"client": rng.choice(CLIENTS), "contact": rng.choice(CONTACTS),
            "staff": rng.choice(STAFF)}
    out = ["date: " + when.strftime("%Y-%m-%d %H:%M")]
    title = (("Visit to {client}" if en else "{client}を訪問") if part == 0
             else ("Part {part}: {client}" if en else "{client}の件 その{part}"))
    out.append("title: " + quote(title.format(part=part, **fill)))
    if series:
        out.append("series: " + series)
        out.append("part: %d" % part)
    out.append("client: " + quote(fill["client"]))
    out.append("contact: " + quote(fill["contact"]))
    out.append("staff: " + quote(fill["staff"]))
    out.append("tags: [" + ", ".join(quote(t) for t in rng.sample(TAGS, rng.randint(1, 3))) + "]")
    out.append("next:")
    out.extend("- " + quote(item[2:]) for item in rng.sample(EN_ITEMS if en else JA_ITEMS, 2))
    out.append("body: |")
    out.extend(("  " + line) if line else "" for line in body(rng, en, fill).split("\n"))
    return "\n".join(out) + "\n"


def plan_series(rng, n):
    """(slug, part) for each of n entries in date order."""
    slots = [("", 0)] * n
    long_parts = min(LONG_PARTS, n // 2)
    # The long series runs through the whole store, in date order.
    for k, i in enumerate(sorted(rng.sample(range(n), long_parts))):
        slots[i] = ("long", k + 1)
    free = [i for i in range(n) if not slots[i][0]]
    rng.shuffle(free)
    s = 0
    while len(free) > 40 and s < n // 50:
        size = rng.randint(3, 30)
        picked = sorted(free[:size])
        free = free[size:]
        for k, i in enumerate(picked):
            slots[i] = ("case-%d" % s, k + 1)
        s += 1
    return slots


def write(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    seed = 1
    if len(argv) > 2 and argv[1] == "-s":
        seed = int(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) != 3:
        sys.exit("usage: gen.py [-s SEED] N DIR")
    n, root = int(argv[1]), argv[2]
    rng = random.Random(seed)
    os.makedirs(os.path.join(root, "series"), mode=0o700, exist_ok=True)
    write(os.path.join(root, "dailylog.yaml"), "lang: ja\nauthor: bench\n")
    write(os.path.join(root, "series", "long.yaml"),
          "title: 長期案件の記録\nlang: ja\nlayout: all\n")
    start = datetime.datetime(2021, 1, 4, 9, 0)
    span_minutes = 1500 * 24 * 60
    times = sorted(rng.randrange(span_minutes) for _ in range(n))
    ids = set()
    for i, (slug, part) in enumerate(plan_series(rng, n)):
        when = start + datetime.timedelta(minutes=times[i])
        while True:
            eid = when.strftime("%Y%m%d-") + "".join(rng.choice(ALPHABET) for _ in range(6))
            if eid not in ids:
                ids.add(eid)
                break
        d = os.path.join(root, "entries", when.strftime("%Y"), when.strftime("%m"))
        os.makedirs(d, mode=0o700, exist_ok=True)
        en = rng.random() < 0.2
        write(os.path.join(d, eid + ".yaml"), entry_yaml(rng, when, slug, part, en))


if __name__ == "__main__":
    main(sys.argv)

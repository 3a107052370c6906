"""Realistic people and words for generated data: names, ID numbers, phones, matters.

Everything is drawn from a ``random.Random`` the caller seeds, so the same seed
gives the same county. Surname weights follow their rough frequency in Jiangsu
(王 and 张 are common, 缪 and 仲 are Haian names); given names include rare
characters (䶮, 堃, 𠮷 outside the Basic Multilingual Plane) that a search and a
font must cope with, and some people go by one or two characters.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from haian_desk.people.idnumber import check_character

SURNAMES = [
    ("王", 70),
    ("张", 62),
    ("李", 60),
    ("陈", 55),
    ("刘", 45),
    ("杨", 30),
    ("黄", 25),
    ("吴", 25),
    ("周", 24),
    ("徐", 30),
    ("孙", 20),
    ("朱", 20),
    ("胡", 12),
    ("高", 12),
    ("何", 9),
    ("马", 10),
    ("许", 14),
    ("沈", 12),
    ("韩", 8),
    ("钱", 10),
    ("缪", 8),
    ("丁", 10),
    ("仲", 6),
    ("季", 8),
    ("顾", 10),
    ("陆", 10),
    ("葛", 6),
    ("曹", 7),
    ("储", 4),
    ("单", 3),
    ("曾", 3),
    ("吕", 4),
    ("冒", 2),
    ("於", 1),
    ("邰", 1),
    ("欧阳", 1),
    ("司马", 1),
    ("诸葛", 1),
    ("上官", 1),
]
GIVEN_FIRST = list("秀桂建国海志小春德玉卫丽红金雨子晓永学美明文爱长宏俊家立建凤兰桂淑")
GIVEN_SECOND = list("英兰华强红梅福东军芳勇敏静磊明成涵轩平燕霞宝林琴云生荣娟杰伟斌峰")
RARE = list("䶮堃喆赟犇昇燊玥婕珺琇瑄") + ["𠮷"]

OPINIONS = [
    "反映{g}组道路破损，雨天积水，建议维修",
    "建议在{g}组路口增设路灯",
    "反映{g}组河道有垃圾漂浮，希望清理",
    "建议村卫生室增加老年人体检次数",
    "反映{g}组自来水水压偏低",
    "建议在村部增设快递代收点",
    "反映{g}组桥梁护栏松动，存在安全隐患",
    "建议增加{g}组到镇上的公交班次",
]
CLAIMS = [
    "与邻居宅基地边界有争议，请求协调",
    "在外务工被拖欠工资{n}元，请求帮助讨要",
    "土地流转租金未按期支付，请求协调",
    "房屋被邻居施工损坏，请求调解赔偿",
    "交通事故赔偿未落实，请求帮助维权",
]
NOTES = [
    "已电话联系群众，说明办理进度",
    "材料已送镇社会事业服务中心",
    "已联系有关部门，正在办理",
    "已上门核实情况",
    "等待镇里审核结果",
]
UNITS_UP = ["曲塘镇代理中心", "海安市民政局", "海安市人社局", "海安市自然资源和规划局", "镇司法所"]


def weighted_surname(rng: random.Random) -> str:
    names, weights = zip(*SURNAMES, strict=True)
    return rng.choices(names, weights)[0]


def person_name(rng: random.Random) -> str:
    """Mostly three characters; some two, a few one (recorded by surname) or four."""
    surname = weighted_surname(rng)
    shape = rng.random()
    if shape < 0.004:
        return surname
    given_pool = GIVEN_FIRST if rng.random() < 0.5 else GIVEN_SECOND
    first = rng.choice(RARE) if rng.random() < 0.01 else rng.choice(given_pool)
    if shape < 0.25:
        return surname + first
    second = rng.choice(RARE) if rng.random() < 0.01 else rng.choice(GIVEN_SECOND)
    return surname + first + second


def id_number(rng: random.Random, born: date) -> str:
    # Older people first registered under the old county code 320621.
    prefix = "320621" if born.year < 1990 or rng.random() < 0.3 else "320685"
    first17 = f"{prefix}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + check_character(first17)


def birth_date(rng: random.Random) -> date:
    return date(1930, 1, 1) + timedelta(days=rng.randint(0, 365 * 75))


def phone(rng: random.Random) -> str:
    if rng.random() < 0.12:
        return f"0513{rng.randint(8, 8)}{rng.randint(0, 9999999):07d}"
    return f"1{rng.choice('35789')}{rng.randint(0, 999999999):09d}"


def opinion(rng: random.Random) -> str:
    return rng.choice(OPINIONS).format(g=rng.randint(1, 16))


def claim(rng: random.Random) -> str:
    return rng.choice(CLAIMS).format(n=rng.randint(8, 60) * 500)

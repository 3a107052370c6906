"""A living demo station: villagers, cadres and cases in every kind and state.

Deterministic from a seed. Cases are played forward through the real
operations on a simulated clock, so every demo case has a true event history,
and matters taken in during the last two days are still running: some are due
soon, some older ones are overdue.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from haian_desk.cases import catalogue, operations
from haian_desk.cases.operations import Intake
from haian_desk.core import failpoints
from haian_desk.core.timeutil import from_iso, now_utc, to_iso
from haian_desk.desk import Desk, initialise
from haian_desk.people import cadres, users, villagers
from haian_desk.people.idnumber import check_character
from haian_desk.storage import setup_marker

DEMO_UNIT = ("320685102210", "曲塘镇双楼村代理站")
DEMO_ADMIN = ("admin", "haian123")
DEMO_STAFF = ("clerk", "haian123")

SURNAMES = "王张李陈刘杨黄吴周徐孙朱胡高何马许沈韩钱缪丁仲季"
GIVEN = [
    "秀英",
    "桂兰",
    "建国",
    "国华",
    "海燕",
    "志强",
    "小红",
    "春梅",
    "德福",
    "玉兰",
    "卫东",
    "丽",
    "军",
    "芳",
    "勇",
    "敏",
    "静",
    "磊",
    "䶮",
    "堃",
    "喆",
    "赟",
    "犇",
    "明",
    "华",
    "成",
    "文军",
    "爱华",
    "红霞",
    "金宝",
    "雨涵",
    "子轩",
]
CADRE_NAMES = [
    "仲维国",
    "季红梅",
    "缪建华",
    "丁海军",
    "许秀兰",
    "沈卫东",
    "韩玉华",
    "钱志明",
    "徐春燕",
    "陈国平",
    "吴爱民",
    "周晓东",
]
AREAS = ["一组、二组", "三组、四组", "五组、六组", "七组、八组", "九组、十组", "村部周边"]
OPINIONS = [
    "反映{g}组道路破损，雨天积水，建议维修",
    "建议在{g}组路口增设路灯",
    "反映{g}组河道有垃圾漂浮，希望清理",
    "建议村卫生室增加老年人体检次数",
    "反映{g}组自来水水压偏低",
    "建议在村部增设快递代收点",
]
CLAIMS = [
    "与邻居宅基地边界有争议，请求协调",
    "在外务工被拖欠工资，请求帮助讨要",
    "土地流转租金未按期支付，请求协调",
    "房屋被邻居施工损坏，请求调解赔偿",
    "交通事故赔偿未落实，请求帮助维权",
]
TAG_CHOICES = ["empty_nest", "left_behind_child", "disabled", "dibao", "tekun", "widowed"]

# Final states the demo aims for, with weights (a plan may stop earlier if its
# steps would fall after "now").
TARGETS = [
    ("registered", 3),
    ("materials_missing", 4),
    ("declined", 3),
    ("in_progress", 16),
    ("transferred", 6),
    ("paused", 3),
    ("completed", 8),
    ("replied", 10),
    ("rated", 30),
    ("rated_bad", 5),
    ("withdrawn", 3),
    ("reopened", 3),
    ("joint", 3),
    ("followup_done", 3),
]


@dataclass(order=True)
class _Step:
    at: datetime
    order: int
    case_key: int
    action: str
    payload: Any  # an Intake for "intake", the event's fields for the others


def make_id_number(rng: random.Random, born: datetime) -> str:
    first17 = f"320621{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + check_character(first17)


def make_demo(
    folder: Path,
    cases: int = 300,
    seed: int = 2026,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    unit: tuple[str, str] = DEMO_UNIT,
) -> Desk:
    """A demo station; ``unit`` (code, name) lets several demo stations form a network."""
    rng = random.Random(seed)
    end = now or now_utc()
    # At least five months, so the assessment's half year and its charts have a history.
    start = end - timedelta(days=max(150, min(720, cases // 15)))
    clock = {"now": start}
    desk = initialise(
        folder,
        *unit,
        role="station",
        address="海安市曲塘镇双楼村村部",
        phone="0513-88551234",
        admin=DEMO_ADMIN,
        wall=lambda: clock["now"],
        demo=True,
        unfinished=True,
    )  # a kill while cases are added is rolled back at the next start
    cadre_ids = _add_cadres(desk)
    users.add_user(desk, DEMO_STAFF[0], "季红梅", "station_staff", DEMO_STAFF[1], cadre_ids[1], actor=DEMO_ADMIN[0])
    users.link_cadre(desk, DEMO_ADMIN[0], DEMO_ADMIN[0], cadre_ids[0])  # the head serves at the counter
    villager_ids = _add_villagers(desk, rng, max(60, cases // 20))
    errands = [r["code"] for r in catalogue.search(desk, "") if r["proxy_allowed"]]
    _play_cases(desk, rng, clock, start, end, cases, villager_ids, cadre_ids, errands, progress)
    _add_community_work(desk, random.Random(seed + 1), clock, end, cadre_ids)
    desk.wall = now_utc if now is None else (lambda: end)
    failpoints.hit("demo.cases_added")
    setup_marker.done(folder)
    return desk


def _add_cadres(desk: Desk) -> list[str]:
    unit = desk.installation.unit_code
    ids = []
    for i, name in enumerate(CADRE_NAMES[:10]):
        ids.append(
            cadres.add(
                desk,
                "admin",
                cadres.CadreInput(
                    name=name,
                    phone=f"1390627{1000 + i * 37:04d}",
                    unit_code=unit,
                    title="村代理站站长" if i == 0 else "代理员",
                    area=AREAS[i % len(AREAS)],
                    role="head" if i == 0 else "liaison" if i == 9 else "agent",
                    party_member=i != 8,
                    service_items=("民政救助", "社保医保") if i % 2 else ("农业补贴", "建房审批"),
                ),
            )
        )
    return ids


def _add_villagers(desk: Desk, rng: random.Random, count: int) -> list[str]:
    ids = []
    for i in range(count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if i == 0:
            name = "欧阳娜娜"  # a compound surname, for masking
        born = datetime(1936, 1, 1) + timedelta(days=rng.randint(0, 365 * 70))
        group = rng.randint(1, 12)
        tags = tuple(rng.sample(TAG_CHOICES, 1)) if rng.random() < 0.2 else ()
        ids.append(
            villagers.register(
                desk,
                "admin",
                villagers.VillagerInput(
                    name=name,
                    id_number=make_id_number(rng, born) if rng.random() < 0.9 else "",
                    phone=f"13{rng.randint(5, 9)}{rng.randint(0, 99999999):08d}",
                    address=f"曲塘镇双楼村{group}组{rng.randint(1, 60)}号",
                    unit_code=f"{desk.installation.unit_code}{group:03d}",
                    household_no=f"{group:02d}{rng.randint(1, 80):03d}",
                    tags=tags,
                ),
            )
        )
    return ids


def _play_cases(desk: Desk, rng, clock, start, end, count, villager_ids, cadre_ids, errands, progress):
    kinds, weights = zip(*TARGETS, strict=True)
    span = (end - start).total_seconds()
    queue: list[_Step] = []
    order = 0
    for key in range(count):
        # Recent days get more cases, so the live part of the queue is busy.
        at = end - timedelta(seconds=span * (rng.random() ** 1.6))
        if key % 12 == 0:
            at = end - timedelta(hours=rng.uniform(1, 40))  # a steady flow of live cases
        target = rng.choices(kinds, weights)[0]
        for offset, action, payload in _plan(rng, target, villager_ids, cadre_ids, errands):
            order += 1
            heapq.heappush(queue, _Step(at + offset, order, key, action, payload))
    case_ids: dict[int, str] = {}
    done = 0
    with desk.db.write():  # one outer transaction: each operation nests as a savepoint
        while queue:
            step = heapq.heappop(queue)
            if step.at > end:
                continue
            clock["now"] = step.at
            if step.action == "intake":
                if step.payload.urgency == "urgent":
                    step.payload.urgent_deadline = to_iso(step.at + timedelta(hours=6))
                case_ids[step.case_key] = operations.take_in(desk, "clerk", step.payload).case_id
                done += 1
                if progress and done % 500 == 0:
                    progress(done, count)
            elif step.case_key in case_ids:
                operations.act(desk, "clerk", case_ids[step.case_key], step.action, **step.payload)


def _plan(rng, target, villager_ids, cadre_ids, errands):
    kind = rng.choices(["opinion", "errand", "claim"], [3, 6, 2])[0]
    group = rng.randint(1, 12)
    cadre = rng.choice(cadre_ids)
    intake = Intake(
        kind=kind,
        villager_id=rng.choice(villager_ids),
        first_cadre_id=cadre,
        description="",
        channel=rng.choice(["walk_in", "walk_in", "phone", "home_visit", "meeting"]),
        long_standing=rng.random() < 0.05,
        petition=rng.random() < 0.04,
    )
    if kind == "opinion":
        intake.description = rng.choice(OPINIONS).format(g=group)
    elif kind == "errand":
        intake.catalogue_code = rng.choice(errands)
        intake.description = "代为办理，材料已查验"
        intake.materials_received = ["居民身份证复印件", "户口簿复印件"]
    else:
        intake.description = rng.choice(CLAIMS)
        # A claim just registered may still wait for the villager's signature (待签委托).
        intake.authorisation = {
            "scope": intake.description,
            "date": "登记当日",
            "signed_on_paper": target != "registered" or rng.random() < 0.3,
        }
    if rng.random() < 0.05 and target not in ("registered", "materials_missing", "declined"):
        intake.urgency = "urgent"
    h = timedelta(hours=1)
    steps = [(timedelta(0), "intake", intake)]
    if target in ("registered", "materials_missing", "declined"):
        intake.accept = False
        if target == "materials_missing":
            steps.append(
                (10 * timedelta(minutes=1), "materials_missing", {"missing": ["近期二寸免冠照片2张", "户口簿原件"]})
            )
        if target == "declined":
            steps.append(
                (
                    15 * timedelta(minutes=1),
                    "declined",
                    {"reason": "该事项须本人到场办理", "remedy": "请本人携身份证到镇便民服务中心办理"},
                )
            )
        return steps
    finish = h * rng.uniform(2, 70)  # some finish after their 48 hours: not on time
    if target == "in_progress":
        steps.append((h * 3, "note", {"text": "已联系有关部门，正在办理"}))
    elif target in ("transferred", "joint"):
        steps.append(
            (h * 2, "transferred", {"to_level": "township", "to_unit": "曲塘镇代理中心", "reason": "需镇里审核"})
        )
        if target == "joint":
            steps.append(
                (h * 20, "joint_handling", {"units": ["曲塘镇代理中心", "海安市民政局"], "note": "县镇村三级联动会办"})
            )
    elif target == "paused":
        steps.append((h * 5, "paused", {"reason": "等待医院残疾等级鉴定，依规不计时"}))
    elif target == "withdrawn":
        steps.append((h * 6, "withdrawn", {"reason": "群众已自行办理"}))
    else:
        steps += [(finish, "completed", {"result": "granted", "note": "已办成"})]
        if target != "completed":
            steps.append((finish + h, "replied", {"method": rng.choice(["phone", "in_person", "visit"])}))
        if target in ("rated", "reopened"):
            steps.append((finish + h * 20, "rated", {"level": rng.choice([5, 5, 5, 4, 4, 3])}))
        if target in ("rated_bad", "followup_done"):
            steps.append((finish + h * 20, "rated", {"level": rng.choice([1, 2]), "reason": "办理太慢，来回跑了两趟"}))
        if target == "followup_done":
            steps += [
                (finish + h * 30, "return_visit", {"note": "已上门回访，说明情况"}),
                (finish + h * 100, "rectified", {"note": "已整改：材料清单一次性告知到位"}),
            ]
        if target == "reopened":
            steps.append((finish + h * 40, "reopened", {"reason": "群众反映补贴金额有误"}))
    return steps


# --- the station's other work: paired support, meetings, complaints ----------------------
# Played after the cases (their own random stream, so the cases stay as they were), each
# event on the simulated clock at the time it happened.

MEETING_TOPICS = [
    "村级道路和路灯维修",
    "河道整治和人居环境",
    "农村低保和救助政策宣讲",
    "土地流转和农业补贴",
    "居家养老和留守儿童关爱",
    "矛盾纠纷排查化解",
]
VISIT_NOTES = [
    "身体尚好，家中米油充足",
    "反映冬季取暖困难，已记下",
    "子女在外务工，电话联系过",
    "协助整理低保复核材料",
    "提醒按时服药，门前路面已清扫",
    "学习情况正常，与老师沟通过",
]
COMPLAINTS = [
    ("county_hotline", "反映村代理员办理低保申请拖了很久没有回音"),
    ("township_hotline", "反映代理员态度不好，材料一次没有说清楚"),
    ("letter", "反映组里修路的意见提了没有下文"),
    ("visit", "反映宅基地纠纷调解不公"),
    ("online", "反映代理站工作时间经常没人"),
]


def _add_community_work(desk: Desk, rng: random.Random, clock: dict, end: datetime, cadre_ids: list[str]) -> None:
    with desk.db.write():
        _add_pairings(desk, rng, clock, end, cadre_ids)
        _add_meetings(desk, rng, clock, end, cadre_ids)
        _add_complaints(desk, rng, clock, end)


def _at(clock: dict, moment: datetime) -> None:
    clock["now"] = moment


def _add_pairings(desk: Desk, rng, clock, end, cadre_ids) -> None:
    """Each vulnerable household paired with a cadre and visited on schedule, mostly."""
    from haian_desk.community import support

    rows = desk.db.query(
        "SELECT id, tags FROM villagers WHERE tags IS NOT NULL AND tags NOT IN ('', '[]') ORDER BY created_at"
    )
    for number, row in enumerate(rows):
        paired = end - timedelta(days=rng.randint(40, 200))
        _at(clock, paired)
        pairing = support.pair(desk, "admin", row["id"], cadre_ids[number % len(cadre_ids)], note="村两委会议确定结对")
        interval = support.interval_days(support.household_tags(row))
        late = number % 5 == 4  # one household in five is behind with its visits
        visit = paired + timedelta(days=rng.randint(3, 10))
        while visit < end - timedelta(days=interval * 2 if late else 2):
            _at(clock, visit)
            support.record_visit(
                desk,
                "clerk",
                support.VisitInput(pairing, rng.choice(VISIT_NOTES), method=rng.choice(["home", "home", "phone"])),
            )
            visit += timedelta(days=interval - rng.randint(2, 8))


def _add_meetings(desk: Desk, rng, clock, end, cadre_ids) -> None:
    """A 民意座谈会 about once a month, discussing the opinions raised before it."""
    from haian_desk.community import opinions

    for months_back in range(5, -1, -1):
        held = end - timedelta(days=30 * months_back + rng.randint(3, 12))
        raised = [
            r["id"]
            for r in desk.db.query(
                "SELECT id FROM cases WHERE kind = 'opinion' AND registered_at < ? ORDER BY registered_at DESC LIMIT 3",
                (to_iso(held),),
            )
        ]
        _at(clock, held)
        meeting = opinions.hold_meeting(
            desk,
            "clerk",
            opinions.MeetingInput(
                held_at=to_iso(held),
                topic=MEETING_TOPICS[months_back % len(MEETING_TOPICS)],
                participants=["村民代表", "党员代表", "组长"],
                participant_count=rng.randint(12, 30),
                place="双楼村村部会议室",
                host_cadre_id=cadre_ids[0],
                summary="逐条听取群众意见，能当场答复的当场答复，其余明确责任人和时限",
                discussed=raised,
            ),
        )
        for case_id in raised[:2]:
            _at(clock, held + timedelta(hours=2))
            opinions.record_feedback(desk, "clerk", meeting, case_id, "已列入村里近期实事，月底前落实")


def _add_complaints(desk: Desk, rng, clock, end) -> None:
    """A few complaints from the hotlines, about real matters, at each stage of handling."""
    from haian_desk.community import complaints

    rows = desk.db.query(
        "SELECT case_no, registered_at FROM cases WHERE rating IN (1, 2) ORDER BY registered_at LIMIT ?",
        (len(COMPLAINTS),),
    )
    for number, (channel, content) in enumerate(COMPLAINTS):
        case = rows[number] if number < len(rows) else None
        received = (
            (from_iso(case["registered_at"]) + timedelta(days=3)) if case else end - timedelta(days=rng.randint(5, 25))
        )
        _at(clock, min(received, end - timedelta(hours=1)))
        complaint = complaints.receive(
            desk,
            "admin",
            complaints.ComplaintInput(
                channel=channel,
                content=content,
                case_no=case["case_no"] if case else "",
                complainant="" if number % 2 else "陈建国",
                complainant_phone="",
            ),
        )  # odd ones anonymous
        if number % 3 == 2:
            continue  # still waiting to be looked into
        _at(clock, clock["now"] + timedelta(days=2))
        complaints.investigate(
            desk, "admin", complaint, "已调阅办理记录并回访举报人", "代理员作出说明，材料清单一次性告知"
        )
        if number % 3 == 0:
            _at(clock, clock["now"] + timedelta(days=3))
            complaints.close(desk, "admin", complaint, rng.choice(["upheld", "partly", "unfounded"]))

"""Demo data of the matching: posts, candidates, applications, rankings and observations.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime
from typing import Any

from server_stub.demo.data.geography import SUBDIVISIONS, Subdivision
from server_stub.demo.data.specialties import GENERAL_PRACTICE, SPECIALTIES, Specialty
from server_stub.demo.plan import (
    MATCHING_CANDIDATES,
    MATCHING_NAME,
    MATCHING_POSTS,
    DemoPlan,
    NumberSeries,
    People,
    add_campaign,
    add_participation,
    add_person,
    cumulative,
)
from server_stub.engine.matching import match

_INDICATIONS = (
    "Gardes aux urgences de l'établissement", "Poste à orientation recherche clinique",
    "Activité partagée avec un centre hospitalier périphérique",
    "Astreintes opérationnelles le week-end", "Logement possible à l'internat",
    "Consultations avancées sur deux sites", "Participation à la permanence des soins",
)
_DESCRIPTIONS = (
    "Équipe de {n} praticiens, staff pluridisciplinaire hebdomadaire, autonomie progressive "
    "sur la consultation et l'hospitalisation.",
    "Le docteur junior prend en charge un secteur de {n} lits sous la supervision d'un senior "
    "et participe aux réunions de concertation.",
    "Activité mixte hospitalisation / plateau technique ; encadrement par {n} seniors ; "
    "possibilité de travaux de recherche.",
)
_PRESENTATIONS = (
    "Intéressé(e) par une activité mixte hospitalière et libérale à l'issue du DES.",
    "Projet d'assistanat dans la subdivision, mémoire en cours sur le parcours des patients.",
    "Souhaite approfondir la prise en charge aiguë et les gestes techniques.",
    "Stage de phase 2 effectué dans le service ; attaché(e) à la continuité du projet.",
)


def build_matching(plan: DemoPlan, rng: random.Random, people: People,
                   accounts: dict[str, int]) -> None:
    """The matching: posts and their supervisors, candidates, applications, rankings.

    Around the demo's today: round 1 is over — every post ranked its applicants, and the
    demo server computes and publishes its results at start-up (`matching/demo.py`), so
    the coordinator (coordo@) sees results; round 2 is in its ranking phase: the demo
    supervisor (rts@, whose four posts open in round 2) ranks the candidates of his posts,
    two rankings already begun; the demo junior doctor (docteur@), who takes part from
    round 2, has eight applications, read-only now. Round 3 (off the platform) comes after.
    """
    campaign = add_campaign(plan, "matching", MATCHING_NAME, None, "open",
                            {"min_ranked_share": 0.8, "subdivision_first": True,
                          "threshold_scope": "subdivision",
                          "thresholds": [{"round_number": 1, "share": 0.2, "minimum": 2},
                                         {"round_number": 2, "share": 0.4, "minimum": 1}]})
    wave = plan.add("matching_wave", campaign_id=campaign, name="Vague 1 — docteurs juniors",
                    position=1, posts_opens_at=plan.at(-75, 9),
                    posts_closes_at=plan.at(10, 23, 59))
    no_dates: dict[str, Any] = dict.fromkeys(
        ("applications_opens_at", "applications_closes_at", "ranking_opens_at",
         "ranking_closes_at", "results_at", "opens_at", "closes_at"))
    rounds = [
        plan.add("matching_round", wave_id=wave, number=1, off_platform=False, **{
            **no_dates, "applications_opens_at": plan.at(-63, 9),
            "applications_closes_at": plan.at(-52, 23, 59),
            "ranking_opens_at": plan.at(-49, 9),
            "ranking_closes_at": plan.at(-28, 23, 59),
            "results_at": plan.at(-25, 9)}, state="planned"),
        plan.add("matching_round", wave_id=wave, number=2, off_platform=False, **{
            **no_dates, "applications_opens_at": plan.at(-18, 9),
            "applications_closes_at": plan.at(-11, 23, 59),
            "ranking_opens_at": plan.at(-7, 9),
            "ranking_closes_at": plan.at(10, 23, 59),
            "results_at": plan.at(13, 9)}, state="planned"),
        plan.add("matching_round", wave_id=wave, number=3, off_platform=True, **{
            **no_dates, "opens_at": plan.at(28, 9), "closes_at": plan.at(39, 18),
            "results_at": plan.at(42, 9)}, state="planned"),
    ]
    add_participation(plan, campaign, accounts["coordinator"], "coordinator")
    add_participation(plan, campaign, accounts["rts"], "supervisor")

    specs = [s for s in SPECIALTIES if s.label != GENERAL_PRACTICE]
    total = sum(s.posts for s in specs)
    sub_by_name = {s.name: s for s in SUBDIVISIONS}
    sub_cum = cumulative([s.weight for s in SUBDIVISIONS])
    posts: list[dict[str, Any]] = []  # post attributes before supervisors are known
    number = NumberSeries(0)

    def new_post(spec: Specialty, sub: Subdivision, establishment: str, unit: str,
                 post_type: str, places: int, **extra: Any) -> dict[str, Any]:
        attrs = {
            "specialty": spec.label,
            "option": rng.choice(spec.options) if spec.options and rng.random() < 0.35 else None,
            "post_type": post_type,
            "duration_months": 12 if rng.random() < 0.8 else 6,
            "number": number.next(rng),
            "offset_semester": rng.random() < 0.08,
            "label": f"{spec.label.upper()} - {unit.upper()}",
            "indication": rng.choice(_INDICATIONS) if rng.random() < 0.35 else None,
            "establishment": establishment, "subdivision": sub.name, "places": places,
            "description": rng.choice(_DESCRIPTIONS).format(n=rng.randint(3, 12))
            if rng.random() < 0.4 else None,
            "validated": rng.random() < 0.96,
            "supervisor": None, "second": None,
        }
        attrs.update(extra)
        posts.append(attrs)
        return attrs

    # The demo supervisor's four cardiology posts in Lyon come first.
    cardio = next(s for s in specs if s.label == "Médecine cardiovasculaire")
    lyon = sub_by_name["LYON"]
    rts_units = [("Hôpital Louis-Pradel (HCL)", "USIC et cardiologie interventionnelle", "simple"),
                 ("Hôpital Louis-Pradel (HCL)", "Rythmologie", "simple"),
                 ("Hôpital de la Croix-Rousse (HCL)", "Insuffisance cardiaque", "simple"),
                 ("Hôpital Louis-Pradel (HCL)", "Cardiologie et CH de Villefranche", "couplé")]
    second_rts = None
    for est, unit, kind in rts_units:
        attrs = new_post(cardio, lyon, est, unit, kind, 2 if unit == "Rythmologie" else 1,
                         supervisor=accounts["rts"], validated=True,
                         description="Service de cardiologie de recours : USIC de 16 lits, "
                                     "salle de cathétérisme, plateau de rythmologie. Le docteur "
                                     "junior a un secteur de 8 lits et une demi-journée de "
                                     "consultation.")
        if kind == "couplé":
            if second_rts is None:
                first, last = people.senior()
                second_rts = add_person(plan, "supervisor", first, last)
            attrs["second"] = second_rts
    rts_posts = list(range(len(posts)))

    for spec in specs:
        count = max(3, round(MATCHING_POSTS * spec.posts / total)) - (4 if spec is cardio else 0)
        # Posts of the rarer specialties gather in the large university hospitals.
        power = 1.0 if spec.posts >= 150 else 2.0
        post_cum = cumulative([s.weight ** power for s in SUBDIVISIONS])
        for _ in range(count):
            sub = rng.choices(SUBDIVISIONS, cum_weights=post_cum)[0]
            university = rng.random() < 0.55
            est = sub.hospitals[0] if university else rng.choice(sub.hospitals[1:])
            unit = rng.choice(spec.units) if spec.units else spec.label
            roll = rng.random()
            kind = "simple" if roll < 0.75 else "couplé" if roll < 0.9 else "mixte"
            new_post(spec, sub, est, unit, kind, 2 if rng.random() < 0.15 else 1)

    # Supervisors: one to three posts each, in one establishment and one specialty.
    supervisors_by_sub: dict[str, list[int]] = defaultdict(list)
    practitioners_by_sub: dict[str, list[int]] = defaultdict(list)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for attrs in posts:
        if attrs["supervisor"] is None:
            groups[(attrs["subdivision"], attrs["specialty"])].append(attrs)
    for (sub_name, _spec), members in groups.items():
        i = 0
        while i < len(members):
            take = rng.choice((2, 3, 3))
            first, last = people.senior()
            sup = add_person(plan, "supervisor", first, last)
            supervisors_by_sub[sub_name].append(sup)
            for attrs in members[i:i + take]:
                attrs["supervisor"] = sup
                attrs["establishment"] = members[i]["establishment"]
            i += take
    for attrs in posts:
        if attrs["post_type"] == "simple" or attrs["second"] is not None:
            continue
        sub_name = attrs["subdivision"]
        if attrs["post_type"] == "mixte":  # the second supervisor is an office practitioner
            pool = practitioners_by_sub[sub_name]
            if pool and rng.random() < 0.5:
                attrs["second"] = rng.choice(pool)
            else:
                first, last = people.senior()
                second = add_person(plan, "supervisor", first, last)
                attrs["second"] = second
                pool.append(second)
        else:
            others = [s for s in supervisors_by_sub[sub_name] if s != attrs["supervisor"]]
            if others:
                attrs["second"] = rng.choice(others)
            else:
                first, last = people.senior()
                attrs["second"] = add_person(plan, "supervisor", first, last)
    seen_sup: set[int] = {accounts["rts"]}
    post_index: list[int] = []
    for attrs in posts:
        for sup in (attrs["supervisor"], attrs["second"]):
            if sup is not None and sup not in seen_sup:
                seen_sup.add(sup)
                add_participation(plan, campaign, sup, "supervisor")
        post_index.append(plan.add(
            "matching_post", campaign_id=campaign, wave_id=wave, specialty=attrs["specialty"],
            option=attrs["option"], post_type=attrs["post_type"],
            duration_months=attrs["duration_months"], number=attrs["number"],
            offset_semester=attrs["offset_semester"], label=attrs["label"],
            indication=attrs["indication"], establishment=attrs["establishment"],
            subdivision=attrs["subdivision"], places=attrs["places"],
            supervisor_id=attrs["supervisor"], second_supervisor_id=attrs["second"],
            # Some co-supervisors of "couplé" posts rank too (no draw: the data stays put).
            second_supervisor_access="rank" if attrs["post_type"] == "couplé"
            and int(attrs["number"]) % 3 == 0 else "read",
            description=attrs["description"], validated=attrs["validated"]))

    # Candidates: about 1.1 per place, mostly where their specialty's posts are.
    by_spec: dict[str, list[int]] = defaultdict(list)
    places_by_spec_sub: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for k, attrs in enumerate(posts):
        by_spec[attrs["specialty"]].append(k)
        places_by_spec_sub[attrs["specialty"]][attrs["subdivision"]] += attrs["places"]
    total_places = sum(a["places"] for a in posts)
    candidates: list[tuple[int, str, str]] = []  # (candidate index, specialty, subdivision)
    apps: list[list[int]] = []
    doctor_slot = -1
    for spec in specs:
        spread = places_by_spec_sub[spec.label]
        n = round(MATCHING_CANDIDATES * sum(spread.values()) / total_places)
        if spec is cardio:
            n -= 1  # the demo junior doctor is one of them
        subs, weights = list(spread), list(spread.values())
        for _ in range(n):
            sub_name = (rng.choices(subs, weights=weights)[0] if rng.random() < 0.85
                        else rng.choices(SUBDIVISIONS, cum_weights=sub_cum)[0].name)
            first, last = people.student()
            person = add_person(plan, "student", first, last, birth=people.birth_date(1995, 1999),
                                town=rng.choice(sub_by_name[sub_name].towns), ine=people.ine())
            candidates.append(_candidate(plan, rng, campaign, wave, person, spec.label, sub_name))
            apps.append(_applications(rng, posts, by_spec[spec.label], sub_name, sub_by_name))
        if spec is cardio:
            candidates.append(_candidate(plan, rng, campaign, wave, accounts["doctor"],
                                         spec.label, "LYON", presentation=_PRESENTATIONS[3]))
            mine = _applications(rng, posts, by_spec[spec.label], "LYON", sub_by_name, k=8)
            if rts_posts[0] not in mine:
                mine.insert(1, rts_posts[0])
                mine = mine[:8]
            apps.append(mine)
            doctor_slot = len(candidates) - 1

    # Who applies in round 1: most candidates (the demo supervisor's posts open in round 2
    # only); the others — the demo junior doctor among them — join in round 2.
    late = {c for c in range(len(candidates)) if c != doctor_slot and rng.random() < 0.2}
    late.add(doctor_slot)
    first_apps = [[k for k in chosen if k not in rts_posts] if c not in late else []
                  for c, chosen in enumerate(apps)]

    # Round 1 is over: every post ranked its applicants (a few refused), its own
    # subdivision's first.
    by_post: dict[int, list[int]] = defaultdict(list)
    for c, chosen in enumerate(first_apps):
        for k in chosen:
            by_post[k].append(c)
    ranked_by_post: dict[int, list[int]] = {}
    refused_by_post: dict[int, list[int]] = {}
    for k in sorted(by_post):
        order = sorted(by_post[k], key=lambda c: (
            candidates[c][2] != posts[k]["subdivision"], rng.random()))
        refused = {c for c in order if rng.random() < 0.04}
        ranked_by_post[k] = [c for c in order if c not in refused]
        refused_by_post[k] = sorted(refused)
    # Its results, as the engine will compute them when the demo server publishes them.
    placed = _match_round(posts, candidates, first_apps, ranked_by_post, refused_by_post)
    taken: dict[int, int] = defaultdict(int)
    for k in placed.values():
        taken[k] += 1

    # Round 2: those who joined late, and those round 1 left without a post, apply to the
    # posts of their specialty with places left.
    round2 = late | {c for c in range(len(candidates)) if c not in late and c not in placed}
    second_apps = [[k for k in apps[c] if taken[k] < posts[k]["places"]] if c in round2
                   else [] for c in range(len(candidates))]
    mine = second_apps[doctor_slot]  # the demo junior doctor keeps eight applications
    for k in sorted(by_spec[cardio.label], key=lambda k: (posts[k]["subdivision"] != "LYON", k)):
        if len(mine) >= 8:
            break
        if k not in mine and taken[k] < posts[k]["places"]:
            mine.append(k)
    _balance_rts_posts(rng, rts_posts, second_apps, candidates, posts, doctor_slot, round2)
    for which, chosen_by in ((0, first_apps), (1, second_apps)):
        for (candidate, _spec, _sub), chosen in zip(candidates, chosen_by, strict=True):
            for position, k in enumerate(chosen, start=1):
                plan.add("application", round_id=rounds[which], candidate_id=candidate,
                         post_id=post_index[k], position=position)
    for k in sorted(ranked_by_post):
        saved = plan.at(-rng.randint(29, 40), rng.randint(8, 21), rng.randint(0, 59))
        for position, c in enumerate(ranked_by_post[k], start=1):
            plan.add("ranking_entry", round_id=rounds[0], post_id=post_index[k],
                     candidate_id=candidates[c][0], status="ranked", position=position)
        for position, c in enumerate(refused_by_post[k], start=1):
            plan.add("ranking_entry", round_id=rounds[0], post_id=post_index[k],
                     candidate_id=candidates[c][0], status="rejected", position=position)
        plan.add("post_ranking", round_id=rounds[0], post_id=post_index[k],
                 version=len(by_post[k]), updated_at=saved,
                 updated_by_id=posts[k]["supervisor"])
    apps = second_apps

    # Round 2: a ranking in progress on two of the demo supervisor's posts, a few entries.
    for k, begun, saved in ((rts_posts[0], 3, plan.at(-6, 8, 42)),
                            (rts_posts[1], 2, plan.at(-4, 21, 5))):
        applicants = [c for c, chosen in enumerate(apps) if k in chosen]
        local = sorted(applicants, key=lambda c: (candidates[c][2] != "LYON", c))
        entries = 0
        for position, c in enumerate(local[:begun], start=1):
            plan.add("ranking_entry", round_id=rounds[1], post_id=post_index[k],
                     candidate_id=candidates[c][0], status="ranked", position=position)
            entries += 1
            if position == 1:
                _observe(plan, post_index[k], candidates[c][0], accounts["rts"], saved,
                         "Très bon dossier, stage de phase 2 dans le service.")
        if k == rts_posts[0] and len(local) > begun + 2:
            plan.add("ranking_entry", round_id=rounds[1], post_id=post_index[k],
                     candidate_id=candidates[local[-1]][0], status="rejected", position=1)
            entries += 1
            _observe(plan, post_index[k], candidates[local[-1]][0], accounts["rts"], saved,
                     "Projet professionnel éloigné du terrain de stage.")
        plan.add("post_ranking", round_id=rounds[1], post_id=post_index[k], version=entries,
                 updated_at=saved, updated_by_id=accounts["rts"])


def _match_round(posts: list[dict[str, Any]], candidates: list[tuple[int, str, str]],
                 apps: list[list[int]], ranked: dict[int, list[int]],
                 refused: dict[int, list[int]]) -> dict[int, int]:
    """Round 1's assignments (candidate -> post, local indexes), by the engine on the same
    instance `matching/rounds.build_instance` gives it."""
    instance = {
        "rules": {"min_ranked_share": 0.8, "subdivision_first": True},
        "posts": [{"id": str(k), "capacity": attrs["places"],
                   "subdivision": attrs["subdivision"],
                   "ranking": [str(c) for c in ranked.get(k, [])],
                   "rejected": [str(c) for c in refused.get(k, [])]}
                  for k, attrs in enumerate(posts)],
        "students": [{"id": str(c), "subdivision": candidates[c][2],
                      "wishes": [str(k) for k in chosen]}
                     for c, chosen in enumerate(apps) if chosen],
    }
    result = match(instance)
    return {int(c): int(k) for c, k in result["assignments"].items() if k is not None}


def _observe(plan: DemoPlan, post: int, candidate: int, author: int, at: datetime,
             text: str) -> None:
    plan.add("candidate_observation", post_id=post, candidate_id=candidate, text=text,
             updated_at=at, updated_by_id=author)


def _candidate(plan: DemoPlan, rng: random.Random, campaign: int, wave: int, person: int,
               specialty: str, subdivision: str,
               presentation: str | None = None) -> tuple[int, str, str]:
    """A junior doctor of the matching; returns (plan index, specialty, subdivision)."""
    add_participation(plan, campaign, person, "student")
    if presentation is None and rng.random() < 0.3:
        presentation = rng.choice(_PRESENTATIONS)
    index = plan.add("matching_candidate", campaign_id=campaign, wave_id=wave, person_id=person,
                     specialty=specialty, subdivision=subdivision,
                     offset_semester=rng.random() < 0.06, presentation=presentation)
    return index, specialty, subdivision


def _applications(rng: random.Random, posts: list[dict[str, Any]], pool: list[int], sub: str,
                  sub_by_name: dict[str, Subdivision], k: int | None = None) -> list[int]:
    """About eight posts of his specialty, his own subdivision's first (with some mixing)."""
    if k is None:
        k = max(3, min(14, round(rng.gauss(8, 2))))
    home = sub_by_name[sub]
    scored = []
    for p in pool:
        there = sub_by_name[posts[p]["subdivision"]]
        score = there.appeal * rng.lognormvariate(0, 0.3)
        if there.name == sub:
            score *= 12.0
        elif there.area == home.area:
            score *= 2.0
        if posts[p]["establishment"] == there.hospitals[0]:
            score *= 1.3  # the university hospital attracts more
        scored.append((score, p))
    scored.sort(reverse=True)
    return [p for _, p in scored[:k]]


def _balance_rts_posts(rng: random.Random, rts_posts: list[int], apps: list[list[int]],
                       candidates: list[tuple[int, str, str]], posts: list[dict[str, Any]],
                       keep: int, among: set[int]) -> None:
    """Give each of the demo supervisor's posts 5 to 15 applicants (of `among`: round 2's
    candidates), to rank on screen."""
    for k in rts_posts:
        applicants = [c for c, chosen in enumerate(apps) if k in chosen and c in among]
        target = rng.randint(6, 14)
        if len(applicants) > 15:
            for c in rng.sample([c for c in applicants if c != keep], len(applicants) - target):
                apps[c].remove(k)
        elif len(applicants) < 5:
            same = [c for c, (_i, spec, sub) in enumerate(candidates)
                    if spec == posts[k]["specialty"] and c not in applicants and c in among]
            same.sort(key=lambda c: (candidates[c][2] != "LYON", c))
            for c in same[: target - len(applicants)]:
                apps[c].append(k)

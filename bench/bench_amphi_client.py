"""Posts table load and filter-per-keystroke in the amphitheatre client (goal: ≤ 50 ms per
keystroke at 2,000 and 10,000 posts). Prints figures; asserts nothing.

Runs the real `PostsView` offscreen (models, proxy, grouped tree, table and tree views
shown at 1280×800): load = `set_offer` plus the first paint; a keystroke = one character
typed into the search field, the filter applied (flat proxy + grouped tree rebuilt) and
the views repainted. Also: a quick-filter switch and a multi-value advanced criterion.

    QT_QPA_PLATFORM=offscreen python bench/bench_amphi_client.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from bench/

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.api.amphi import Post, Service  # noqa: E402
from desktop.ui.amphi.posts_view import PostsView  # noqa: E402

ESTABLISHMENTS = ["CHU de Lyon — Édouard-Herriot", "CHU de Grenoble", "CH de Vienne",
                  "CHU de Saint-Étienne", "CH d'Annecy-Genevois", "CH de Bourg-en-Bresse",
                  "Hospices civils de Lyon — Croix-Rousse", "CH de Valence", "CH de Chambéry",
                  "CH Métropole Savoie", "CH de Roanne", "CH de Villefranche"]
SPECIALTIES = ["Cardiologie", "Pneumologie", "Médecine polyvalente", "Urgences", "Pédiatrie",
               "Gériatrie", "Néphrologie", "Gastro-entérologie", "Neurologie",
               "Médecine interne", "Rhumatologie", "Endocrinologie", "Oncologie",
               "Maladies infectieuses", "Dermatologie", "Psychiatrie adulte"]
DES = ["MG", "CARD", "PNEU", "MIN", "URG", "PED", "GER", "NEPH", "HGE", "NEUR"]
DEPTS = ["01", "07", "26", "38", "42", "69", "73", "74"]
QUERIES = ["cardiologie lyon", "chu grenoble urg", "médecine polyvalente vienne"]


def offer(n_posts: int, seed: int = 5) -> tuple[list[Service], list[Post]]:
    rng = random.Random(seed)
    services: list[Service] = []
    posts: list[Post] = []
    n_services = max(10, n_posts // 4)
    for sid in range(1, n_services + 1):
        est = rng.choice(ESTABLISHMENTS)
        services.append(Service(id=sid, establishment=est, name=rng.choice(SPECIALTIES),
                                head=f"Dr {rng.randint(1, 999)}", department=rng.choice(DEPTS),
                                number=str(1000 + sid), post_count=0, free_count=0))
    for pid in range(1, n_posts + 1):
        s = services[rng.randrange(n_services)]
        posts.append(Post(id=pid, number=str(10000 + pid), amphi_id=1, service_id=s.id,
                          establishment=s.establishment, service=s.name, head=s.head,
                          department=s.department, service_number=s.number, des=rng.choice(DES),
                          specialty_group="Spécialités médicales",
                          post_type=rng.choice(["CHU", "CH", "Ambulatoire"]),
                          regime="Phase d'approfondissement",
                          earmark=rng.choice([None, None, None, "Rythmologie", "Soins palliatifs"]),
                          reserved=rng.random() < 0.05, taken=rng.random() < 0.3,
                          taken_by_intern_id=None, taken_by_name=None))
    return services, posts


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def run(n_posts: int, app: QApplication) -> None:
    services, posts = offer(n_posts)
    view = PostsView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.set_offer(services, posts)
    app.processEvents()
    load = time.perf_counter() - start
    modes = {}
    for mode, button in (("grouped", view.grouped_button), ("flat", view.flat_button)):
        button.setChecked(True)
        app.processEvents()
        times: list[float] = []
        for query in QUERIES:
            view.search_edit.clear()
            view._apply_text()  # noqa: SLF001 - the keystroke's work, without the timer
            app.processEvents()
            for i in range(1, len(query) + 1):
                t0 = time.perf_counter()
                view.search_edit.blockSignals(True)
                view.search_edit.setText(query[:i])
                view.search_edit.blockSignals(False)
                view._apply_text()  # noqa: SLF001
                app.processEvents()
                times.append(time.perf_counter() - t0)
        modes[mode] = times
    view.search_edit.clear()
    view._apply_text()  # noqa: SLF001
    t0 = time.perf_counter()
    view.set_quick("free")
    app.processEvents()
    quick = time.perf_counter() - t0
    t0 = time.perf_counter()
    view.set_criteria({"department": ["69", "38"], "des": ["CARD", "PNEU", "MIN"]})
    app.processEvents()
    criteria = time.perf_counter() - t0
    print(f"{n_posts:>6} posts  load {ms(load)}")
    for mode, times in modes.items():
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"        keystroke ({mode:7}) median {ms(statistics.median(times))}  "
              f"p95 {ms(p95)}  max {ms(times[-1])}  ({len(times)} keystrokes; goal ≤ 50 ms)")
    print(f"        quick filter « Non pourvus » {ms(quick)}   advanced (2 fields, 5 values) "
          f"{ms(criteria)}")
    view.close()
    view.deleteLater()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    print("Amphi client — posts view (PostsView offscreen, 1280×800)")
    for n in (2_000, 10_000):
        run(n, app)


if __name__ == "__main__":
    main()

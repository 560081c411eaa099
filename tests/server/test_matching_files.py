"""Uploads: a post's attachment and a candidate's file — type checked by content, size
limited, stored under the data directory, replaced cleanly, readable only by who may."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, start_live_server
from tests.server.conftest import FAST_HASHING, ServerFactory, error
from tests.server.test_matching_helpers import World, build_world, iso

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def office(kind: str) -> bytes:
    """A minimal but structurally real OOXML or OpenDocument file, the same bytes every call.

    The entries carry a fixed date: with the clock's, two calls a second apart differ.
    """
    def entry(name: str) -> zipfile.ZipInfo:
        return zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        if kind == "odt":
            z.writestr(entry("mimetype"), "application/vnd.oasis.opendocument.text")
            z.writestr(entry("content.xml"), "<office:document-content/>")
        else:
            z.writestr(entry("[Content_Types].xml"), "<Types/>")
            z.writestr(entry({"docx": "word/document.xml", "xlsx": "xl/workbook.xml",
                              "pptx": "ppt/presentation.xml", "zip": "notes.txt"}[kind]), "<x/>")
    return buffer.getvalue()


def uploads(live: LiveServer) -> list[Path]:
    root = live.data_dir / "uploads" / "matching"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def world(live_server: LiveServer, client: httpx.Client) -> World:
    w = build_world(live_server, client)
    assert w.apply("s1", "P1", "P2").status_code == 200
    return w


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One server for the many small type checks (they leave nothing behind)."""
    live, server, thread = start_live_server(tmp_path_factory.mktemp("files"), **FAST_HASHING)
    try:
        with httpx.Client(base_url=live.url, timeout=10) as client:
            yield build_world(live, client)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def put_file(w: World, path: str, who: str, name: str, data: bytes,
             ctype: str = "application/octet-stream") -> httpx.Response:
    headers = (w.sup.get(who) or w.stu.get(who) or w.staff).h
    return w.client.put(path, files={"file": (name, data, ctype)}, headers=headers)


def test_post_attachment_upload_download_replace(world: World, live_server: LiveServer) -> None:
    w = world
    url = f"/api/matching/posts/{w.post['P1']}/attachment"
    r = put_file(w, url, "A", "../../Présentation du service.pdf", PDF)
    assert r.status_code == 200, r.text
    meta = r.json()
    assert meta["filename"] == "Présentation du service.pdf"
    assert (meta["content_type"], meta["size"], meta["download_path"]) == (
        "application/pdf", len(PDF), url)
    stored = uploads(live_server)
    assert len(stored) == 1 and stored[0].read_bytes() == PDF
    assert stored[0].parent.parent == live_server.data_dir / "uploads" / "matching"

    # The students of the wave see it on the post and download it.
    post = w.client.get(f"/api/matching/posts/{w.post['P1']}", headers=w.stu["s1"].h).json()
    assert post["attachment"]["filename"] == "Présentation du service.pdf"
    r = w.client.get(url, headers=w.stu["s1"].h)
    assert r.status_code == 200 and r.content == PDF
    assert r.headers["content-type"] == "application/pdf"
    assert "attachment" in r.headers["content-disposition"]
    assert "Pr%C3%A9sentation" in r.headers["content-disposition"]

    # Replacing it leaves one file on disk: the new one.
    r = put_file(w, url, "A", "fiche.docx", office("docx"))
    assert r.status_code == 200 and r.json()["content_type"].endswith("document")
    stored = uploads(live_server)
    assert len(stored) == 1 and stored[0].read_bytes() == office("docx")
    # Only the referent supervisor (or staff) may change it.
    assert put_file(w, url, "C", "x.pdf", PDF).status_code == 403
    assert put_file(w, f"/api/matching/posts/{w.post['P2']}/attachment", "B", "x.pdf",
                    PDF).status_code == 403  # B only reads P2
    assert w.client.delete(url, headers=w.sup["A"].h).status_code == 204
    assert uploads(live_server) == []
    r = w.client.get(url, headers=w.sup["A"].h)
    assert r.status_code == 404


@pytest.mark.parametrize("name, data, status, code", [
    ("cv.pdf", office("docx"), 415, "file_type_mismatch"),  # a Word file named .pdf
    ("lettre.docx", PDF, 415, "file_type_mismatch"),
    ("tableur.xlsx", office("docx"), 415, "file_type_mismatch"),
    ("faux.docx", office("zip"), 415, "file_type_mismatch"),  # a zip, not a document
    ("programme.exe", b"MZ\x90\x00" + b"\x00" * 100, 415, "unsupported_file_type"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, 415, "unsupported_file_type"),
    ("sans_extension", PDF, 415, "unsupported_file_type"),
    ("vide.pdf", b"", 422, "empty_file"),
])
def test_type_is_checked_by_content(shared: World, name: str, data: bytes, status: int,
                                    code: str) -> None:
    r = put_file(shared, f"/api/matching/posts/{shared.post['P1']}/attachment", "A", name, data)
    assert r.status_code == status, r.text
    detail = error(r)
    assert detail["code"] == code and detail["field"] == "file"
    assert "PDF" in detail["message"] or code == "empty_file"
    assert uploads(shared.live) == []


@pytest.mark.parametrize("name, data", [("fiche.odt", office("odt")),
                                        ("tableau.xlsx", office("xlsx")),
                                        ("diapos.pptx", office("pptx")),
                                        ("ancien.doc", OLE),
                                        ("texte.rtf", b"{\\rtf1\\ansi Bonjour}")])
def test_office_formats_are_accepted(shared: World, name: str, data: bytes) -> None:
    r = put_file(shared, f"/api/matching/posts/{shared.post['P3']}/attachment", "B", name, data)
    assert r.status_code == 200, r.text
    assert r.json()["filename"] == name


def test_size_limit(server_factory: ServerFactory) -> None:
    live = server_factory(matching_upload_max_bytes=1000, max_upload_body_bytes=2_000_000)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = build_world(live, client)
        url = f"/api/matching/campaigns/{w.campaign_id}/my-file/documents/cv"
        big = PDF + b"%" * 1000
        r = put_file(w, url, "s1", "cv.pdf", big)
        assert r.status_code == 413 and error(r)["code"] == "too_large"
        assert error(r)["message"] == "Fichier trop volumineux : au plus 1 Ko."
        assert put_file(w, url, "s1", "cv.pdf", PDF).status_code == 200
        # Above the server's whole-body limit the request is refused before parsing.
        huge = PDF + b"%" * 2_100_000
        r = put_file(w, url, "s1", "cv.pdf", huge)
        assert r.status_code == 413 and error(r)["code"] == "too_large"
        assert len(uploads(live)) == 1


def test_posts_window_closes_the_description(world: World) -> None:
    w = world
    desc = f"/api/matching/posts/{w.post['P1']}/description"
    r = w.client.put(desc, json={"description": "Unité de 12 lits."}, headers=w.sup["A"].h)
    assert r.status_code == 200 and r.json()["description"] == "Unité de 12 lits."
    assert w.client.put(desc, json={"description": "x"}, headers=w.sup["C"].h).status_code == 403
    past = datetime.now(UTC) - timedelta(hours=1)
    r = w.client.patch(f"/api/matching/waves/{w.wave_id}", headers=w.staff.h,
                       json={"posts_opens_at": iso(past - timedelta(days=3)),
                             "posts_closes_at": iso(past)})
    assert r.status_code == 200 and r.json()["waves"][0]["posts_open"] is False
    r = w.client.put(desc, json={"description": "Trop tard."}, headers=w.sup["A"].h)
    assert r.status_code == 409 and error(r)["code"] == "posts_closed"
    r = put_file(w, f"/api/matching/posts/{w.post['P1']}/attachment", "A", "x.pdf", PDF)
    assert r.status_code == 409 and error(r)["code"] == "posts_closed"
    cards = w.client.get(f"{w.base}/my-posts", headers=w.sup["A"].h).json()
    assert not any(c["can_edit_description"] for c in cards)
    # The agency may still correct it.
    r = w.client.put(desc, json={"description": "Corrigé par l'ARS."}, headers=w.staff.h)
    assert r.status_code == 200


def test_candidate_file_and_who_reads_it(world: World, live_server: LiveServer) -> None:
    w = world
    base = f"{w.base}/my-file"
    r = w.client.put(f"{base}/presentation", json={"presentation": "Projet d'assistanat."},
                     headers=w.stu["s1"].h)
    assert r.status_code == 200
    assert put_file(w, f"{base}/documents/cv", "s1", "CV.pdf", PDF).status_code == 200
    assert put_file(w, f"{base}/documents/letter", "s1", "lettre.odt",
                    office("odt")).status_code == 200
    r = put_file(w, f"{base}/documents/diploma", "s1", "x.pdf", PDF)
    assert r.status_code == 422  # unknown kind
    mine = w.client.get(base, headers=w.stu["s1"].h).json()
    assert mine["presentation"] == "Projet d'assistanat."
    assert [d["kind"] for d in mine["documents"]] == ["cv", "letter"]

    # The supervisors of the posts he applied to read it (and see "has_file").
    file_url = f"/api/matching/candidates/{w.cand['s1']}/file"
    for who in ("A", "B"):  # A runs P1 and P2, B is second on P2
        r = w.client.get(file_url, headers=w.sup[who].h)
        assert r.status_code == 200 and len(r.json()["documents"]) == 2
    cv = r.json()["documents"][0]["download_path"]
    r = w.client.get(cv, headers=w.sup["A"].h)
    assert r.status_code == 200 and r.content == PDF
    assert w.client.get(file_url, headers=w.coordinator.h).status_code == 200
    # Others do not.
    for headers in (w.sup["C"].h, w.stu["s2"].h):
        assert w.client.get(file_url, headers=headers).status_code == 403
        assert w.client.get(cv, headers=headers).status_code == 403
    w.phase(1, "ranking")
    row = next(c for c in w.ranking("A", "P1").json()["candidates"]
               if c["id"] == w.cand["s1"])
    assert row["has_file"] is True

    assert w.client.delete(f"{base}/documents/cv", headers=w.stu["s1"].h).status_code == 204
    assert w.client.get(cv, headers=w.sup["A"].h).status_code == 404
    assert len(uploads(live_server)) == 1
    r = w.client.delete(f"{base}/documents/cv", headers=w.stu["s1"].h)
    assert r.status_code == 404

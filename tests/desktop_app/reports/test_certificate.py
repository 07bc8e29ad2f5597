"""The contribution certificate: one page, the right figures, every name, no health details."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop_app import __version__
from desktop_app.model import ActivityKind, Project
from desktop_app.reports.certificate import certificate_pdf, make_certificate
from desktop_app.services import activities, products, profile, reflections
from desktop_app.services.certificates import issue_certificate
from desktop_app.services.summaries import summarise
from tests.helpers.pdf import (
    flat,
    font_resources,
    metadata,
    page_count,
    pdf_text,
    squeeze,
)


def test_demo_certificate_shows_the_partners_figures_on_one_page(demo_session: Session) -> None:
    person = profile.find_person(demo_session, "Nguyễn Thị Thanh")
    figures = summarise(demo_session, person.id)
    certificate = issue_certificate(demo_session, person.id)
    pdf = certificate_pdf(demo_session, certificate, made_on=date(2026, 11, 26))
    text = flat(pdf_text(pdf))
    assert page_count(pdf) == 1
    assert "Nguyễn Thị Thanh" in text
    assert "Living Well with Persistent Pain" in text
    assert f"{figures.total_hours:.1f} hours given" in text
    assert f"{figures.meetings} meetings attended" in text
    assert f"{figures.products} products helped make" in text
    assert "8 July 2020 to " in text
    assert certificate.code in text
    assert "Signature of the coordinator" in text and "Dr. Karen Lee" in text
    assert "Made with Partner Log " + __version__ + " on 26 November 2026" in text
    assert "Page 1 of 1" in text
    info = metadata(pdf)
    assert info["/Title"] == "Certificate of Contribution: Nguyễn Thị Thanh"
    assert info["/Author"] == "Dr. Karen Lee" and "Living Well" in info["/Subject"]


def test_certificate_lists_products_in_plain_words_and_no_notes(demo_session: Session) -> None:
    person = profile.owner(demo_session)
    mine = products.list_products(demo_session, person_id=person.id)
    pdf = certificate_pdf(demo_session, issue_certificate(demo_session, person.id))
    text = squeeze(pdf_text(pdf))
    for product in mine:
        assert squeeze(product.title) in text
    assert squeeze("I shared decisions and leadership") in text
    for entry in activities.list_activities(demo_session, person.id):
        assert squeeze(entry.note) not in text
    for reflection in reflections.list_reflections(demo_session):
        assert squeeze(reflection.text) not in text


def test_hostile_names_are_drawn_with_embedded_fonts(session: Session, partner: Project) -> None:
    names = ["Zoë Nguyễn", "José Ñúñez", "李小龍", "Ólafur O'Brien", "A & B <C>"]
    texts = []
    embedded: list[dict[str, object]] = []
    for name in names:
        person = profile.add_person(session, name)
        activities.record_activity(
            session,
            date=date(2025, 3, 4),
            minutes=60,
            kind=ActivityKind.MEETING,
            project_id=partner.id,
            person_id=person.id,
        )
        pdf = certificate_pdf(session, issue_certificate(session, person.id))
        texts.append(pdf_text(pdf))
        embedded += font_resources(pdf)
    for name, text in zip(names, texts, strict=True):
        assert name in text
    assert all(font["embedded"] for font in embedded), embedded
    used = {str(font["name"]).split("+")[-1] for font in embedded}
    assert {"AtkinsonHyperlegible-Regular", "DejaVuSans", "WenQuanYiMicroHei-0"} <= used


def test_make_certificate_writes_the_file_and_keeps_the_record(
    session: Session, partner: Project, tmp_path: Path
) -> None:
    activities.record_activity(
        session, date=date(2025, 3, 4), minutes=90, kind=ActivityKind.MEETING
    )
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "certificate.pdf"
    certificate = make_certificate(session, out, profile.owner(session).id)
    assert out.read_bytes().startswith(b"%PDF")
    assert certificate.code in pdf_text(out.read_bytes())
    assert [p.name for p in folder.iterdir()] == ["certificate.pdf"]  # no temporary file left
    assert session.get(type(certificate), certificate.id) is certificate

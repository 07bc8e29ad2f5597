"""User text reaches the PDF escaped, whole, and in a face that has its glyphs."""

from __future__ import annotations

from datetime import date
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from desktop_app.model import ActivityKind, Project, ReflectionAspect, VavDomain
from desktop_app.reports import fonts
from desktop_app.reports.certificate import certificate_pdf
from desktop_app.reports.project_report import project_report_pdf
from desktop_app.reports.text import markup, runs
from desktop_app.services import activities, products, profile, reflections
from desktop_app.services.certificates import issue_certificate
from desktop_app.services.projects import create_project
from tests.helpers.pdf import pdf_text, squeeze


def test_markup_escapes_and_switches_face_only_where_needed() -> None:
    assert markup("A & B <C>") == "A &amp; B &lt;C&gt;"
    assert markup("Zoë Nguyễn") == f'Zoë Nguy<font name="{fonts.LATIN}">ễ</font>n'
    assert markup("陈伟 (Wei)", fonts.BOLD) == f'<font name="{fonts.CJK}">陈伟 </font>(Wei)'
    assert [face for face, _piece in runs("José 李 x")] == [fonts.REGULAR, fonts.CJK, fonts.REGULAR]


def _alphabet() -> list[str]:
    blocks = [range(0x21, 0x7F), range(0xA1, 0x100), range(0x100, 0x180), range(0x1EA0, 0x1EFA)]
    blocks += [range(0x2018, 0x201F), range(0x4E00, 0x4F00), range(0xAC00, 0xAC40)]
    chars = [chr(c) for block in blocks for c in block if c != 0xAD]
    faces = (fonts.REGULAR, fonts.LATIN, fonts.CJK)
    return [c for c in chars if any(fonts.has_glyph(face, c) for face in faces)] + [" "]


USER_TEXT = st.text(alphabet=_alphabet(), min_size=1, max_size=60).filter(lambda s: s.strip())
NUMBERS = count()


@settings(
    max_examples=25,
    deadline=None,
    # One database serves every example; each example makes its own project and person.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=USER_TEXT, title=USER_TEXT, words=USER_TEXT)
def test_any_user_text_comes_out_whole(
    session: Session, partner: Project, name: str, title: str, words: str
) -> None:
    project = create_project(session, name=f"{next(NUMBERS)} {title}"[:200])
    person = profile.add_person(session, name)
    activities.record_activity(
        session,
        date=date(2025, 3, 4),
        minutes=60,
        kind=ActivityKind.MEETING,
        note=words,
        project_id=project.id,
        person_id=person.id,
    )
    product = products.create_product(
        session,
        title=title,
        type="handout",
        engagement="partnership",
        description=words,
        project_id=project.id,
    )
    products.add_contribution(session, product.id, person.id)
    reflections.record_reflection(
        session,
        date=date(2025, 3, 4),
        domain=VavDomain.TRUST,
        aspect=ReflectionAspect.HELPED,
        text=words,
        shared=True,
        project_id=project.id,
        person_id=person.id,
    )
    certificate = squeeze(pdf_text(certificate_pdf(session, issue_certificate(session, person.id))))
    report = squeeze(pdf_text(project_report_pdf(session, project.id)))
    assert squeeze(name) in certificate and squeeze(title) in certificate
    assert squeeze(name) in report and squeeze(title) in report and squeeze(words) in report


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=80))
def test_no_text_at_all_breaks_a_build(text: str) -> None:
    from desktop_app.reports import layout
    from desktop_app.reports.text import para

    st_ = layout.styles()
    story = [para(text, st_.title), para(text, st_.body), para(text, st_.cell_bold)]
    pdf = layout.render(story, layout.DocumentInfo(title=text, author=text, subject=text))
    assert pdf.startswith(b"%PDF")

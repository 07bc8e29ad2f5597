"""The certificate, a 500-row statement and the project report, against bare ReportLab.

The project report is built on the demo data (4 partners over 3.5 years), as a
coordinator; its baseline is a bare document of the same results, per-partner and
product tables.

Each baseline is a plain ReportLab document with the same table (same rows, one
standard font, no fallback, no footer) built in the same run, so the ratio shows what
the fonts, escaping, layout and queries cost.

Run: python -m bench.bench_reports [--smoke]
"""

from __future__ import annotations

import argparse
import io
import tempfile
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import LongTable, SimpleDocTemplate, Table

from bench.harness import Result, median_time, print_table
from desktop_app.labels import label
from desktop_app.model import ActivityKind, CompensationUnit, Role
from desktop_app.reports.certificate import certificate_pdf
from desktop_app.reports.formatting import duration, short_date
from desktop_app.reports.statement import statement_pdf
from desktop_app.services import activities, profile
from desktop_app.services.certificates import issue_certificate
from desktop_app.services.projects import change_project, default_project
from desktop_app.storage.db import open_database

CERTIFICATE_TARGET_S = 0.3
STATEMENT_TARGET_S = 0.5
ROWS = 500


def _bare(rows: list[list[str]], long: bool) -> bytes:
    buffer = io.BytesIO()
    table = (LongTable if long else Table)(rows, repeatRows=1)
    SimpleDocTemplate(buffer, pagesize=LETTER).build([table])
    return buffer.getvalue()


def _project_report(repeat: int) -> Result:
    from desktop_app import demo
    from desktop_app.reports.project_report import project_report_pdf
    from desktop_app.services.products import list_products
    from desktop_app.services.summaries import per_partner, summarise

    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(Path(tmp))
        with database.session() as session:
            demo.populate(session, Role.COORDINATOR)
        with database.session() as session:
            project = default_project(session)
            figures = summarise(session, None, project.id)
            rows = [["Result", "Value"]] + [
                [k, str(v)] for k, v in figures.as_dict().items() if not isinstance(v, dict)
            ]
            rows += [["Partner", "Hours"]] + [
                [p.display_name, str(s.total_hours)] for p, s in per_partner(session, project.id)
            ]
            rows += [["Product", "Description"]] + [
                [p.title, p.description[:60]] for p in list_products(session, project_id=project.id)
            ]
            report = median_time(lambda: project_report_pdf(session, project.id), repeat)
            base = median_time(lambda: _bare(rows, long=False), repeat)
        database.close()
    return Result("project report PDF (demo data)", report, base)


def measure(repeat: int) -> list[Result]:
    kinds = list(ActivityKind)
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(Path(tmp))
        with database.session() as session:
            profile.setup(session, Role.PARTNER, "Nguyễn Thị Thanh", project_name="Bench 陈伟")
            project = default_project(session)
            change_project(
                session, project.id, compensation_unit=CompensationUnit.HOURLY, rate_minor=3000
            )
            person = profile.owner(session)
            for i in range(ROWS):
                activities.record_activity(
                    session,
                    date=date(2023, 1, 1) + timedelta(days=i % 365),
                    minutes=30 + i % 90,
                    prep_minutes=15 * (i % 3),
                    kind=kinds[i % len(kinds)],
                )
            session.flush()
            certificate = issue_certificate(session, person.id)
            entries = activities.list_activities(session, person.id)[::-1]
            rows = [["Date", "What I did", "Time", "Getting ready", "Status"]] + [
                [
                    short_date(a.date),
                    label(a.kind),
                    duration(a.minutes),
                    duration(a.prep_minutes),
                    label(a.status),
                ]
                for a in entries
            ]
            summary = [
                ["Hours", "Meetings", "Products"],
                [str(certificate.figures["hours"]), str(certificate.figures["meetings"]), "0"],
            ]
            cert_s = median_time(lambda: certificate_pdf(session, certificate), repeat)
            cert_base = median_time(lambda: _bare(summary, long=False), repeat)
            stmt_s = median_time(lambda: statement_pdf(session, person.id, project.id), repeat)
            stmt_base = median_time(lambda: _bare(rows, long=True), repeat)
        database.close()
    return [
        Result("certificate PDF", cert_s, cert_base, target_s=CERTIFICATE_TARGET_S),
        Result(f"statement PDF, {ROWS} rows", stmt_s, stmt_base, target_s=STATEMENT_TARGET_S),
        _project_report(repeat),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a few runs only, to check it works")
    args = parser.parse_args()
    print_table(measure(2 if args.smoke else 15))


if __name__ == "__main__":
    main()

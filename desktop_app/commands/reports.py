"""``partner-log certificate``, ``statement``, ``project-report`` and ``verify``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.commands.common import add_period, session_for
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, ngettext
from desktop_app.model import Person
from desktop_app.reports.certificate import make_certificate
from desktop_app.reports.formatting import number, period
from desktop_app.reports.project_report import make_project_report
from desktop_app.reports.statement import make_statement
from desktop_app.services import profile
from desktop_app.services.certificates import Verdict, verify_code
from desktop_app.services.projects import default_project, find_project


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to save the PDF"))


def register(subparsers: Any) -> None:
    certificate = subparsers.add_parser(
        "certificate",
        help=_("make a certificate of the time and work you gave"),
        description=_(
            "Make a one-page certificate of the hours, meetings and products you gave, "
            "with a check code a coordinator can verify."
        ),
    )
    _out(certificate)
    certificate.add_argument("--person", help=_("whose certificate (you, if left out)"))
    certificate.add_argument("--project", help=_("only this project (all of them, if left out)"))
    add_period(certificate)
    certificate.set_defaults(run=run_certificate)

    statement = subparsers.add_parser(
        "statement",
        help=_("make a statement to claim pay for your time and costs"),
        description=_("Make a statement of time and costs, with the amount due, to sign."),
    )
    _out(statement)
    statement.add_argument("--person", help=_("whose statement (you, if left out)"))
    statement.add_argument("--project", help=_("the project (needed if there is more than one)"))
    add_period(statement)
    statement.set_defaults(run=run_statement)

    report = subparsers.add_parser(
        "project-report",
        help=_("make the engagement report of a project"),
        description=_(
            "Make the project engagement report: hours, meetings, products, each "
            "partner, and shared reflections."
        ),
    )
    _out(report)
    report.add_argument("--project", help=_("the project (needed if there is more than one)"))
    add_period(report)
    report.set_defaults(run=run_project_report)

    verify = subparsers.add_parser(
        "verify",
        help=_("check the code printed on a certificate"),
        description=_(
            "Check a certificate's code against these records. The exit status is 0 when "
            "it matches, and 1 when the records changed or the code is unknown."
        ),
    )
    verify.add_argument("code", metavar="CODE", help=_("the code, like PL-ABCD-1234-WXYZ"))
    verify.set_defaults(run=run_verify)


def _target(args: argparse.Namespace) -> Path:
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise InvalidInput(
            _("{path} is a folder. Give a file name, like report.pdf.").format(path=out)
        )
    if not out.parent.is_dir():
        raise InvalidInput(
            _("The folder {folder} does not exist.").format(folder=out.parent),
            _("Check the folder name, or make the folder first."),
        )
    return out.resolve()


def _person(session: Session, args: argparse.Namespace) -> Person:
    return profile.find_person(session, args.person) if args.person else profile.owner(session)


def run_certificate(args: argparse.Namespace) -> int:
    out = _target(args)
    with session_for(args, must_exist=True) as session:
        person = _person(session, args)
        projects = [find_project(session, args.project).id] if args.project else None
        certificate = make_certificate(session, out, person.id, args.start, args.end, projects)
        print(
            _("The certificate is saved at {path}. Its check code is {code}.").format(
                path=out, code=certificate.code
            )
        )
    return 0


def run_statement(args: argparse.Namespace) -> int:
    out = _target(args)
    with session_for(args, must_exist=True) as session:
        person = _person(session, args)
        project = default_project(session, args.project)
        make_statement(session, out, person.id, project.id, args.start, args.end)
        print(_("The statement is saved at {path}.").format(path=out))
    return 0


def run_project_report(args: argparse.Namespace) -> int:
    out = _target(args)
    with session_for(args, must_exist=True) as session:
        project = default_project(session, args.project)
        make_project_report(session, out, project.id, args.start, args.end)
        print(_("The project report is saved at {path}.").format(path=out))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        result = verify_code(session, args.code)
    if result.verdict == Verdict.UNKNOWN:
        print(
            _("The code {code} does not match any certificate in these records.").format(
                code=result.code
            )
        )
        return 1
    figures = result.figures or {}
    when = period(*result.shown_period)
    meetings, products = figures.get("meetings", 0), figures.get("products", 0)
    details = _("{name}, {period}: {hours} hours, {meetings}, {products}").format(
        name=result.person_name,
        period=when,
        hours=number(figures.get("hours", 0)),
        meetings=ngettext("{n} meeting", "{n} meetings", meetings).format(n=meetings),
        products=ngettext("{n} product", "{n} products", products).format(n=products),
    )
    if result.verdict == Verdict.MATCHED:
        print(_("The code {code} matches: {details}.").format(code=result.code, details=details))
        return 0
    print(
        _(
            "The code {code} is for {details}, but those records have changed since it was issued."
        ).format(code=result.code, details=details)
    )
    return 1

"""The packaging plan for Windows and macOS, checked here without building.

``tests/test_installer.py`` builds and runs the Linux bundle. What only Windows or macOS
build (the installer script, signing, the disk image) is checked as far as it can be
on Linux: the commands planned, the files written, the layout of the disk image.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tools.installer import macos_disk_image, plan
from tools.installer.signing import signing_commands

ROOT = Path(__file__).resolve().parent.parent
ISS = (ROOT / "packaging" / "windows" / "partner-log.iss").read_text(encoding="utf-8")
SPEC = (ROOT / "packaging" / "partner-log.spec").read_text(encoding="utf-8")


def test_nothing_is_signed_without_the_variables() -> None:
    for platform_name in ("win32", "darwin", "linux"):
        assert signing_commands("bundle", [Path("x")], {}, platform_name) == []


def test_windows_programs_are_signed_with_a_timestamp() -> None:
    env = {"PARTNER_LOG_SIGN_PFX": r"C:\keys\pl.pfx", "PARTNER_LOG_SIGN_PASSWORD": "secret"}
    programs = [Path("partner-log.exe"), Path("partner-log-cli.exe")]
    [command] = signing_commands("bundle", programs, env, "win32")
    assert command[:2] == ["signtool", "sign"]
    assert ["/fd", "SHA256"] == command[2:4] and "/tr" in command and "/td" in command
    assert command[command.index("/f") + 1] == r"C:\keys\pl.pfx"
    assert command[-2:] == ["partner-log.exe", "partner-log-cli.exe"]
    store = {"PARTNER_LOG_SIGN_THUMBPRINT": "ab12", "PARTNER_LOG_SIGNTOOL": r"C:\sdk\signtool.exe"}
    [command] = signing_commands("package", [Path("setup.exe")], store, "win32")
    assert command[0] == r"C:\sdk\signtool.exe" and command[command.index("/sha1") + 1] == "ab12"


def test_macos_apps_are_signed_then_the_disk_image_notarised_and_stapled() -> None:
    env = {
        "PARTNER_LOG_CODESIGN_IDENTITY": "Developer ID Application: Partner Log (ABC123)",
        "PARTNER_LOG_NOTARY_PROFILE": "partner-log-notary",
    }
    app = Path("Partner Log.app")
    signing = signing_commands("bundle", [app], env, "darwin")
    assert signing[0][0] == "codesign" and "runtime" in signing[0] and "--timestamp" in signing[0]
    assert signing[-1][:2] == ["codesign", "--verify"]
    image = Path("partner-log-1.0-macos-arm64.dmg")
    package = signing_commands("package", [image], env, "darwin")
    assert [command[:2] for command in package] == [
        ["codesign", "--force"],
        ["xcrun", "notarytool"],
        ["xcrun", "stapler"],
    ]
    assert "--wait" in package[1] and "partner-log-notary" in package[1]


@pytest.mark.parametrize("arch", ["arm64", "x86_64"])
def test_macos_builds_one_architecture_at_a_time(
    arch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(plan.ARCH_VARIABLE, raising=False)
    assert plan.target_arch(arch, "darwin") == arch
    monkeypatch.setenv(plan.ARCH_VARIABLE, arch)
    assert plan.target_arch(None, "darwin") == arch
    with pytest.raises(SystemExit):
        plan.target_arch("universal", "darwin")
    assert "target_arch=plan.target_arch()" in SPEC


def test_the_disk_image_holds_the_app_and_a_link_to_applications(tmp_path: Path) -> None:
    app = tmp_path / "Partner Log.app"
    (app / "Contents" / "MacOS").mkdir(parents=True)
    (app / "Contents" / "MacOS" / "partner-log").write_bytes(b"")
    stage = macos_disk_image.stage_disk_image(app, tmp_path / "stage")
    assert sorted(p.name for p in stage.iterdir()) == ["Applications", "Partner Log.app"]
    assert os.readlink(stage / "Applications") == "/Applications"
    assert (stage / "Partner Log.app" / "Contents" / "MacOS" / "partner-log").is_file()


def test_windows_has_a_window_program_and_a_console_program() -> None:
    assert "program(plan.CLI_EXE_NAME, console=True)" in SPEC
    assert 'program(plan.EXE_NAME, console=sys.platform.startswith("linux"))' in SPEC
    assert "hide_console" not in SPEC  # a console that could be closed, ending the app


def test_the_windows_installer_removes_files_of_the_version_before() -> None:
    section = re.search(r"^\[InstallDelete\]$(.*?)^\[", ISS, re.S | re.M)
    assert section is not None
    assert r'Type: filesandordirs; Name: "{app}\_internal"' in section.group(1)
    assert "-windows-{#AppArch}-setup" in ISS
    assert "ArchitecturesAllowed=arm64" in ISS and "ArchitecturesAllowed=x64compatible" in ISS


def test_the_build_self_tests_the_console_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan.sys, "platform", "win32")
    bundle = Path("dist") / "partner-log"
    assert plan.cli_executable(bundle) == bundle / "partner-log-cli.exe"
    assert plan.executable(bundle) == bundle / "partner-log.exe"


def test_the_hosted_ci_workflow_covers_every_platform_and_self_tests_the_installed_app() -> None:
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    for runner in ("ubuntu-22.04", "windows-2022", "macos-13", "macos-14"):
        assert runner in workflow
    assert 'python: ["3.11", "3.13"]' in workflow
    assert "QT_QPA_PLATFORM: offscreen" in workflow
    assert "/VERYSILENT" in workflow
    assert workflow.count('" --self-test --gui') == 3  # the installed copy, each platform
    assert "\t" not in workflow  # YAML does not allow tabs

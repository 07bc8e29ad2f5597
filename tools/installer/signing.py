"""The commands that sign (and on macOS notarise) what was built, and running them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

#: A time-stamping service, so signatures stay valid after the certificate expires.
TIMESTAMP_URL = "http://timestamp.digicert.com"


def signing_commands(
    stage: str, paths: Sequence[Path], env: dict[str, str], platform_name: str = sys.platform
) -> list[list[str]]:
    """The commands that sign (and on macOS notarise) ``paths``, from ``env``.

    ``stage`` is "bundle" (the programs, before packing) or "package" (the installer or
    disk image). Nothing is returned when the variables are not set: the build is then
    unsigned, which is fine for testing but not for release (see docs/installing.md).

    - Windows: ``PARTNER_LOG_SIGN_PFX`` (a .pfx file) and ``PARTNER_LOG_SIGN_PASSWORD``,
      or ``PARTNER_LOG_SIGN_THUMBPRINT`` (a certificate in the Windows store); signed
      with ``signtool`` (``PARTNER_LOG_SIGNTOOL`` if it is not on PATH).
    - macOS: ``PARTNER_LOG_CODESIGN_IDENTITY`` ("Developer ID Application: ...") signs
      the app with the hardened runtime; ``PARTNER_LOG_NOTARY_PROFILE`` (a
      ``notarytool store-credentials`` profile) then notarises the disk image and staples
      the ticket to it, so macOS opens it without "Open Anyway".
    """
    files = [str(path) for path in paths]
    if platform_name == "win32":
        signtool = env.get("PARTNER_LOG_SIGNTOOL", "signtool")
        common = ["sign", "/fd", "SHA256", "/tr", TIMESTAMP_URL, "/td", "SHA256"]
        if env.get("PARTNER_LOG_SIGN_PFX"):
            who = ["/f", env["PARTNER_LOG_SIGN_PFX"]]
            if env.get("PARTNER_LOG_SIGN_PASSWORD"):
                who += ["/p", env["PARTNER_LOG_SIGN_PASSWORD"]]
        elif env.get("PARTNER_LOG_SIGN_THUMBPRINT"):
            who = ["/sha1", env["PARTNER_LOG_SIGN_THUMBPRINT"]]
        else:
            return []
        return [[signtool, *common, *who, *files]]
    if platform_name == "darwin":
        identity = env.get("PARTNER_LOG_CODESIGN_IDENTITY")
        if not identity:
            return []
        if stage == "bundle":
            return [
                ["codesign", "--force", "--deep", "--options", "runtime", "--timestamp",
                 "--sign", identity, *files],
                ["codesign", "--verify", "--deep", "--strict", *files],
            ]  # fmt: skip
        commands = [["codesign", "--force", "--timestamp", "--sign", identity, *files]]
        profile = env.get("PARTNER_LOG_NOTARY_PROFILE")
        if profile:
            for image in files:
                commands += [
                    ["xcrun", "notarytool", "submit", image, "--keychain-profile", profile,
                     "--wait"],
                    ["xcrun", "stapler", "staple", image],
                ]  # fmt: skip
        return commands
    return []


def sign(stage: str, paths: Sequence[Path]) -> bool:
    """Run ``signing_commands``; True when something was signed."""
    commands = signing_commands(stage, paths, dict(os.environ))
    for command in commands:
        shown = [
            "***" if i > 0 and command[i - 1] == "/p" else part for i, part in enumerate(command)
        ]
        print("Running: " + subprocess.list2cmdline(shown), flush=True)
        subprocess.run(command, check=True)
    return bool(commands)

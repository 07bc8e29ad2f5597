"""How the standalone Partner Log is built. ``build_installer.py`` runs it.

- ``paths``: where the build finds its inputs in the repository.
- ``plan``: the PyInstaller plan that ``packaging/partner-log.spec`` reads: the programs,
  the architecture, the modules left out, the data files and the hidden imports.
- ``trimming``: the files left out of the bundle, and those kept for each language.
- ``orphans``: Linux libraries that only the trimmed files needed.
- ``icons``: the app icon for each platform, drawn from its SVG.
- ``signing``: the commands that sign (and on macOS notarise) what was built.
- ``linux_tarball``, ``windows_setup``, ``macos_disk_image``: packing for each platform.
- ``build``: the whole build, from PyInstaller to the printed sizes.
"""

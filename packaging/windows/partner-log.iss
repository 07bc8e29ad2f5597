; Inno Setup 6 script: the Partner Log installer for Windows.
;
; build_installer.py runs it after PyInstaller has made the bundle, like this:
;   iscc /DAppVersion=0.1.0 /DAppArch=x64 /DBundleDir=C:\src\partner-log\dist\partner-log
;        /DOutputDir=C:\src\partner-log\dist
;        /DIconFile=C:\src\partner-log\resources\icons\partner-log.ico
;        packaging\windows\partner-log.iss
;
; It installs for the current user only (no administrator rights), into
; %LOCALAPPDATA%\Programs\Partner Log, with a Start-menu shortcut and an uninstaller.
; Uninstalling never removes the person's records (%LOCALAPPDATA%\PartnerLog).
; An upgrade first removes the files of the version before ([InstallDelete]), so no
; stale library from an older Qt or Python is loaded beside the new ones.
; partner-log.exe opens the window with no console; partner-log-cli.exe is for the
; command line. "/VERYSILENT /SUPPRESSMSGBOXES" installs without questions (for CI).

#ifndef AppVersion
  #error Pass /DAppVersion, /DBundleDir, /DOutputDir and /DIconFile (build_installer.py does)
#endif
#ifndef AppArch
  #define AppArch "x64"
#endif

[Setup]
AppId={{5C0E6E84-3E4B-4E2B-9B0E-6C2D3A1F7B42}
AppName=Partner Log
AppVersion={#AppVersion}
AppVerName=Partner Log {#AppVersion}
AppPublisher=Partner Log
DefaultDirName={autopf}\Partner Log
DefaultGroupName=Partner Log
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir={#OutputDir}
OutputBaseFilename=partner-log-{#AppVersion}-windows-{#AppArch}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\partner-log.exe
UninstallDisplayName=Partner Log
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#if AppArch == "arm64"
ArchitecturesAllowed=arm64
ArchitecturesInstallIn64BitMode=arm64
#else
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The bundle of the version before: its libraries must not stay beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\partner-log.exe"
Type: files; Name: "{app}\partner-log-cli.exe"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Partner Log"; Filename: "{app}\partner-log.exe"; Comment: "Record the time you give to health research"
Name: "{autodesktop}\Partner Log"; Filename: "{app}\partner-log.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\partner-log.exe"; Description: "{cm:LaunchProgram,Partner Log}"; Flags: nowait postinstall skipifsilent

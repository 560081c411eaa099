; Inno Setup script of Amphi for Windows (https://jrsoftware.org/isinfo.php).
; Build on Windows, after `make installer` (or the PyInstaller command of README.md):
;   iscc /DAppVersion=0.1.0 installer\amphi.iss
; Produces dist\amphi-setup-<version>.exe: per-user install (no administrator rights),
; a Start-menu entry, an optional desktop icon, and an uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E2F5C1A-8B7D-4C3E-9A51-2D4F7B8C9E10}
AppName=Amphi
AppVersion={#AppVersion}
AppPublisher=Amphi
DefaultDirName={localappdata}\Programs\Amphi
DefaultGroupName=Amphi
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=amphi-setup-{#AppVersion}
SetupIconFile=..\build\icons\amphi.ico
UninstallDisplayIcon={app}\amphi.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\amphi\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Amphi"; Filename: "{app}\amphi.exe"
Name: "{group}\{cm:UninstallProgram,Amphi}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Amphi"; Filename: "{app}\amphi.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\amphi.exe"; Description: "{cm:LaunchProgram,Amphi}"; Flags: nowait postinstall skipifsilent

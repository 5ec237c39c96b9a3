; Inno Setup script of the Windows installer: mcdesigner-VERSION-windows-setup.exe.
; Built by `python scripts/build_bundle.py --package` on Windows, which passes the version,
; the bundle folder (dist\mcdesigner) and the icon; the installer needs no administrator
; rights (it installs for the current user unless the user chooses all users).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\mcdesigner"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\bundle\mcdesigner.ico"
#endif

[Setup]
AppId={{6B0C2F4E-8A51-4C5B-9E0B-2D3F6A7C1E90}
AppName=MC Designer
AppVersion={#AppVersion}
AppVerName=MC Designer {#AppVersion}
AppPublisher=MC Designer
VersionInfoVersion={#AppVersion}
VersionInfoProductName=MC Designer
DefaultDirName={autopf}\MC Designer
DefaultGroupName=MC Designer
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\mcdesigner.exe
UninstallDisplayName=MC Designer
OutputBaseFilename=mcdesigner-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\MC Designer"; Filename: "{app}\mcdesigner.exe"
Name: "{autodesktop}\MC Designer"; Filename: "{app}\mcdesigner.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mcdesigner.exe"; Description: "{cm:LaunchProgram,MC Designer}"; Flags: nowait postinstall skipifsilent

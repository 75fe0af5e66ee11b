# Build the Windows installer: the PyInstaller bundle, then the MSI (WiX Toolset v5).
# Run from the repository root in PowerShell, with Python 3.11+ and the WiX CLI
# (dotnet tool install --global wix) on PATH:   .\packaging\windows\build.ps1
# OAuth client ids: set $env:REPLYTRAIL_OAUTH_MICROSOFT_CLIENT_ID etc. before running
# (packaging/README.md); they go into the bundle only.
$ErrorActionPreference = "Stop"
python -m venv .venv
.venv\Scripts\python -m pip install -q --upgrade pip
.venv\Scripts\python -m pip install -q -e ".[package]"
$Version = .venv\Scripts\python -c "import replytrail; print(replytrail.__version__)"
.venv\Scripts\python packaging\build.py
# Signing (when $env:SIGN_PFX is set): the executable before it goes into the MSI, then the MSI.
if ($env:SIGN_PFX) {
    signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 `
        /f $env:SIGN_PFX /p $env:SIGN_PASSWORD dist\replytrail\replytrail.exe
}
wix build -arch x64 -d BundleDir=dist\replytrail -d Version=$Version `
    -d IconFile=build\generated\replytrail.ico `
    packaging\windows\replytrail.wxs -o "dist\replytrail-$Version-x64.msi"
if ($env:SIGN_PFX) {
    signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 `
        /f $env:SIGN_PFX /p $env:SIGN_PASSWORD "dist\replytrail-$Version-x64.msi"
}
Write-Output "dist\replytrail-$Version-x64.msi"

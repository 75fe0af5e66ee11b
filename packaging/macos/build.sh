#!/bin/sh
# Build Replytrail for macOS: Replytrail.app (menu bar only: LSUIElement), a signed .pkg for
# MDM deployment and a DMG for people who drag it to Applications. Run from the repository
# root on a Mac with Python 3.11+ and the Xcode command line tools:
#   packaging/macos/build.sh
# Optional environment: REPLYTRAIL_OAUTH_* (packaging/README.md), START_AT_LOGIN=1 (the .pkg
# installs the LaunchAgent for all users), and for signing + notarization:
#   APP_IDENTITY="Developer ID Application: …"  PKG_IDENTITY="Developer ID Installer: …"
#   NOTARY_PROFILE=<a profile stored with `xcrun notarytool store-credentials`>
set -eu
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[package]"
VERSION=$(.venv/bin/python -c "import replytrail; print(replytrail.__version__)")
.venv/bin/python packaging/build.py            # dist/Replytrail.app (spec: BUNDLE, LSUIElement)
APP=dist/Replytrail.app

if [ -n "${APP_IDENTITY:-}" ]; then
    codesign --deep --force --options runtime --timestamp --sign "$APP_IDENTITY" "$APP"
fi

ROOT=build/pkgroot
rm -rf "$ROOT" && mkdir -p "$ROOT/Applications"
cp -R "$APP" "$ROOT/Applications/"
if [ "${START_AT_LOGIN:-0}" = 1 ]; then
    mkdir -p "$ROOT/Library/LaunchAgents"
    cp packaging/macos/com.replytrail.Replytrail.plist "$ROOT/Library/LaunchAgents/"
fi
PKG="dist/Replytrail-$VERSION.pkg"
pkgbuild --root "$ROOT" --identifier com.replytrail.Replytrail --version "$VERSION" \
    --install-location / ${PKG_IDENTITY:+--sign "$PKG_IDENTITY"} "$PKG"

DMG="dist/Replytrail-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname Replytrail -srcfolder "$APP" -ov -format UDZO "$DMG"

if [ -n "${NOTARY_PROFILE:-}" ]; then
    for f in "$PKG" "$DMG"; do
        xcrun notarytool submit "$f" --keychain-profile "$NOTARY_PROFILE" --wait
        xcrun stapler staple "$f"
    done
fi
echo "$PKG"
echo "$DMG"

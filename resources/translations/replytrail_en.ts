<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>watching %n account(s)</source>
        <translation>
            <numerusform>watching %n account</numerusform>
            <numerusform>watching %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hand-off to %1 failed for %n email(s)…</source>
        <translation>
            <numerusform>Hand-off to %1 failed for %n email…</numerusform>
            <numerusform>Hand-off to %1 failed for %n emails…</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BounceLine</name>
    <message numerus="yes">
        <source>%n email(s) could not be delivered</source>
        <translation>
            <numerusform>%n email could not be delivered</numerusform>
            <numerusform>%n emails could not be delivered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message numerus="yes">
        <source>%n email(s)</source>
        <translation>
            <numerusform>%n email</numerusform>
            <numerusform>%n emails</numerusform>
        </translation>
    </message>
</context>
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

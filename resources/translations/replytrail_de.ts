<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttachmentChip</name>
    <message>
        <source>{name} ({type}) — click to open</source>
        <translation>{name} ({type}) – zum Öffnen klicken</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Bounce</source>
        <extracomment>the palette: calm neutrals, one accent, pastel badges with dark text (readable, AA contrast)</extracomment>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>A delivery failure report: the original email did not reach the recipient.</source>
        <translation>Ein Unzustellbarkeitsbericht: Die ursprüngliche E-Mail hat den Empfänger nicht erreicht.</translation>
    </message>
    <message>
        <source>Auto-reply</source>
        <translation>Automatische Antwort</translation>
    </message>
    <message>
        <source>An automatic answer (for example out of office); it is not counted as a reply.</source>
        <translation>Eine automatische Antwort (zum Beispiel eine Abwesenheitsnotiz); sie zählt nicht als Antwort.</translation>
    </message>
    <message>
        <source>Subject match?</source>
        <translation>Betreff-Treffer?</translation>
    </message>
    <message>
        <source>Low confidence: logged only because its subject matches a tracked thread and the sender took part in it recently. It may not be a reply to your email.</source>
        <translation>Unsicher: nur erfasst, weil der Betreff zu einem verfolgten Verlauf passt und der Absender kürzlich daran beteiligt war. Es ist womöglich keine Antwort auf Ihre E-Mail.</translation>
    </message>
    <message>
        <source>via Bcc</source>
        <translation>per Bcc</translation>
    </message>
    <message>
        <source>Logged because you sent it with your logging address in Bcc.</source>
        <translation>Erfasst, weil Sie die E-Mail mit Ihrer Protokolladresse in Bcc gesendet haben.</translation>
    </message>
    <message>
        <source>Outlook thread</source>
        <translation>Outlook-Verlauf</translation>
    </message>
    <message>
        <source>Matched by Outlook&apos;s conversation id (the reply had no References).</source>
        <translation>Über die Unterhaltungs-ID von Outlook zugeordnet (die Antwort enthielt keine References).</translation>
    </message>
    <message>
        <source>Gmail thread</source>
        <translation>Gmail-Verlauf</translation>
    </message>
    <message>
        <source>Matched by Gmail&apos;s thread id.</source>
        <translation>Über die Verlaufs-ID von Gmail zugeordnet.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Sending failed; the email did not leave your computer.</source>
        <translation>Das Senden ist fehlgeschlagen; die E-Mail hat Ihren Computer nicht verlassen.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Recorded, not yet confirmed by the mail server.</source>
        <translation>Erfasst, vom Mailserver noch nicht bestätigt.</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>A recipient&apos;s mail server reported that this email could not be delivered.</source>
        <translation>Der Mailserver eines Empfängers hat gemeldet, dass diese E-Mail nicht zugestellt werden konnte.</translation>
    </message>
    <message>
        <source>{n} B</source>
        <translation>{n} B</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
</context>
<context>
    <name>ContactDelegate</name>
    <message>
        <source>1 email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} emails</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactHeader</name>
    <message>
        <source>New email</source>
        <translation>Neue E-Mail</translation>
    </message>
    <message>
        <source>Write a tracked email to this contact</source>
        <translation>Eine verfolgte E-Mail an diesen Kontakt schreiben</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>This thread as .eml files…</source>
        <translation>Diesen Verlauf als .eml-Dateien …</translation>
    </message>
    <message>
        <source>This thread as .mbox…</source>
        <translation>Diesen Verlauf als .mbox …</translation>
    </message>
    <message>
        <source>All emails with this contact as .eml files…</source>
        <translation>Alle E-Mails mit diesem Kontakt als .eml-Dateien …</translation>
    </message>
    <message>
        <source>All emails with this contact as .mbox…</source>
        <translation>Alle E-Mails mit diesem Kontakt als .mbox …</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Vergessen …</translation>
    </message>
    <message>
        <source>Delete everything logged for this contact</source>
        <translation>Alles löschen, was zu diesem Kontakt erfasst wurde</translation>
    </message>
    <message>
        <source>1 logged email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} logged emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} · last contact {date} ({ago})</source>
        <translation>{count} · letzter Kontakt {date} ({ago})</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>An email to this address could not be delivered. Check the address before writing again.</source>
        <translation>Eine E-Mail an diese Adresse konnte nicht zugestellt werden. Prüfen Sie die Adresse, bevor Sie erneut schreiben.</translation>
    </message>
    <message>
        <source>Open · awaiting reply</source>
        <translation>Offen · wartet auf Antwort</translation>
    </message>
    <message>
        <source>Your last email has not been answered yet.</source>
        <translation>Ihre letzte E-Mail wurde noch nicht beantwortet.</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>The customer wrote last; the ball is in your court.</source>
        <translation>Der Kunde hat zuletzt geschrieben; Sie sind am Zug.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Reply from %1 logged</source>
        <translation>Antwort von %1 erfasst</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Select an email to read it.</source>
        <extracomment>asks where to save (default file name -&gt; chosen path or &quot;&quot;); tests replace it</extracomment>
        <translation>Wählen Sie eine E-Mail aus, um sie zu lesen.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply to this email (tracked)</source>
        <translation>Auf diese E-Mail antworten (verfolgt)</translation>
    </message>
    <message>
        <source>Show formatted</source>
        <translation>Formatiert anzeigen</translation>
    </message>
    <message>
        <source>Show the sanitised HTML version. Remote images and scripts are never loaded.</source>
        <translation>Die bereinigte HTML-Fassung anzeigen. Externe Bilder und Skripte werden nie geladen.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>{arrow} &lt;b&gt;From&lt;/b&gt; {who}</source>
        <translation>{arrow} &lt;b&gt;Von&lt;/b&gt; {who}</translation>
    </message>
    <message>
        <source>&lt;b&gt;To&lt;/b&gt; {who}</source>
        <translation>&lt;b&gt;An&lt;/b&gt; {who}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cc&lt;/b&gt; {who}</source>
        <translation>&lt;b&gt;Cc&lt;/b&gt; {who}</translation>
    </message>
    <message>
        <source>(This email has no text.)</source>
        <translation>(Diese E-Mail enthält keinen Text.)</translation>
    </message>
    <message>
        <source>1 remote image blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} remote images blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation>Link öffnen?</translation>
    </message>
    <message>
        <source>Open this link in your browser?

{url}</source>
        <translation>Diesen Link in Ihrem Browser öffnen?

{url}</translation>
    </message>
    <message>
        <source>Open attachment?</source>
        <translation>Anhang öffnen?</translation>
    </message>
    <message>
        <source>“{name}” can run programs on your computer. Open it only if you trust the sender.</source>
        <translation>„{name}“ kann Programme auf Ihrem Computer ausführen. Öffnen Sie die Datei nur, wenn Sie dem Absender vertrauen.</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>{name} konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>{name} konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search all emails…  (Ctrl+Shift+F)</source>
        <translation>Alle E-Mails durchsuchen …  (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Sent and received</source>
        <translation>Gesendet und empfangen</translation>
    </message>
    <message>
        <source>Sent only</source>
        <translation>Nur gesendet</translation>
    </message>
    <message>
        <source>Received only</source>
        <translation>Nur empfangen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Replytrail Settings</source>
        <extracomment>(setting value, name shown); language names are shown in their own language</extracomment>
        <translation>Replytrail-Einstellungen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Erfassen:</translation>
    </message>
    <message>
        <source>Replies to tracked emails</source>
        <translation>Antworten auf verfolgte E-Mails</translation>
    </message>
    <message>
        <source>Every email with a known contact</source>
        <translation>Jede E-Mail mit einem bekannten Kontakt</translation>
    </message>
    <message>
        <source>First scan:</source>
        <translation>Erster Durchlauf:</translation>
    </message>
    <message>
        <source>Go back this many days:</source>
        <translation>So viele Tage zurück:</translation>
    </message>
    <message>
        <source>Start from this date:</source>
        <translation>Ab diesem Datum:</translation>
    </message>
    <message>
        <source>Also match replies by subject (less certain)</source>
        <translation>Antworten auch am Betreff erkennen (weniger sicher)</translation>
    </message>
    <message>
        <source>Never log (one address or domain per line):</source>
        <translation>Nie erfassen (eine Adresse oder Domain pro Zeile):</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Start Replytrail when I log in</source>
        <translation>Replytrail bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Notify me when a customer&apos;s reply is logged</source>
        <translation>Benachrichtigen, wenn eine Kundenantwort erfasst wurde</translation>
    </message>
    <message>
        <source>Refresh the IDLE connection every:</source>
        <translation>IDLE-Verbindung erneuern alle:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Stop watching %1 and forget its password? Logged emails stay in the store.</source>
        <translation>%1 nicht mehr überwachen und das Passwort vergessen? Erfasste E-Mails bleiben gespeichert.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet …</translation>
    </message>
    <message>
        <source>IMAP and SMTP work; the server pushes new mail (IDLE).</source>
        <translation>IMAP und SMTP funktionieren; der Server meldet neue E-Mails sofort (IDLE).</translation>
    </message>
    <message>
        <source>IMAP and SMTP work; the server cannot push new mail, so Replytrail checks every minute.</source>
        <translation>IMAP und SMTP funktionieren; der Server kann neue E-Mails nicht sofort melden, daher prüft Replytrail jede Minute.</translation>
    </message>
    <message>
        <source>The test failed unexpectedly: %1</source>
        <translation>Der Test ist unerwartet fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Replytrail needs your mail account to watch for replies.</source>
        <translation>Replytrail braucht Ihr E-Mail-Konto, um auf Antworten zu achten.</translation>
    </message>
    <message>
        <source>Add it from a terminal, then choose Accounts… again:</source>
        <translation>Fügen Sie es in einem Terminal hinzu und wählen Sie dann erneut „Konten …“:</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>To {name}</source>
        <translation>An {name}</translation>
    </message>
</context>
<context>
    <name>TimelineWindow</name>
    <message>
        <source>Replytrail — Contacts</source>
        <extracomment>asks where to export (format, suggested name) -&gt; path or None; tests replace it</extracomment>
        <translation>Replytrail – Kontakte</translation>
    </message>
    <message>
        <source>Find a contact…  (Ctrl+F)</source>
        <translation>Kontakt suchen …  (Strg+F)</translation>
    </message>
    <message>
        <source>No contacts yet.
They appear here as soon as an email is logged.</source>
        <translation>Noch keine Kontakte.
Sie erscheinen hier, sobald eine E-Mail erfasst wurde.</translation>
    </message>
    <message>
        <source>Back to the contact</source>
        <translation>Zurück zum Kontakt</translation>
    </message>
    <message>
        <source>No replies logged yet — send a tracked email or Bcc your logging address.</source>
        <translation>Noch keine Antworten erfasst – senden Sie eine verfolgte E-Mail oder setzen Sie Ihre Protokolladresse in Bcc.</translation>
    </message>
    <message>
        <source>That email is no longer in the store.</source>
        <translation>Diese E-Mail ist nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>Replytrail — {name}</source>
        <translation>Replytrail – {name}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No emails found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 email found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} emails found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} emails to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot {email}: {n} emails deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 500 newest matches</source>
        <translation>Die 500 neuesten Treffer</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft …</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Export fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Forgetting {email}…</source>
        <translation>{email} wird vergessen …</translation>
    </message>
    <message>
        <source>Could not forget {email}: {reason}</source>
        <translation>{email} konnte nicht vergessen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Resume watching</source>
        <translation>Überwachung fortsetzen</translation>
    </message>
    <message>
        <source>Pause watching</source>
        <translation>Überwachung anhalten</translation>
    </message>
    <message>
        <source>no account set up yet</source>
        <translation>noch kein Konto eingerichtet</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message numerus="yes">
        <source>watching %n account(s)</source>
        <translation>
            <numerusform>überwacht %n Konto</numerusform>
            <numerusform>überwacht %n Konten</numerusform>
        </translation>
    </message>
    <message>
        <source>catching up: %1 of %2 emails checked</source>
        <translation>holt auf: %1 von %2 E-Mails geprüft</translation>
    </message>
    <message>
        <source>catching up</source>
        <translation>holt auf</translation>
    </message>
    <message>
        <source>offline since %1, retrying</source>
        <translation>offline seit %1, neuer Versuch läuft</translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation>etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Open timeline</source>
        <translation>Verlauf öffnen</translation>
    </message>
    <message>
        <source>Compose…</source>
        <translation>Verfassen …</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Konten …</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
    <message>
        <source>Added {email} (IMAP {imap}, SMTP {smtp}); the password is in the system keyring.</source>
        <translation>{email} hinzugefügt (IMAP {imap}, SMTP {smtp}); das Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>No accounts yet: replytrail account add --email YOU@EXAMPLE.COM</source>
        <translation>Noch keine Konten: replytrail account add --email SIE@EXAMPLE.COM</translation>
    </message>
    <message>
        <source>{email}: IMAP ok ({host}:{port}, IDLE {idle})</source>
        <translation>{email}: IMAP in Ordnung ({host}:{port}, IDLE {idle})</translation>
    </message>
    <message>
        <source>{email}: SMTP ok ({host}:{port})</source>
        <translation>{email}: SMTP in Ordnung ({host}:{port})</translation>
    </message>
    <message>
        <source>Removed {email}; its logged emails stay in the store.</source>
        <translation>{email} entfernt; die erfassten E-Mails bleiben gespeichert.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>Exported {n} email(s) to {path}</source>
        <translation>{n} E-Mail(s) nach {path} exportiert</translation>
    </message>
    <message>
        <source>Forgot {contact}: {n} email(s) with their attachments and tracked ids deleted.</source>
        <translation>{contact} vergessen: {n} E-Mail(s) samt Anhängen und verfolgten IDs gelöscht.</translation>
    </message>
</context>
<context>
    <name>discover</name>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>{label}: {protocol} {host}:{port} ({security}), user {user}</source>
        <translation>{label}: {protocol} {host}:{port} ({security}), Benutzer {user}</translation>
    </message>
    <message>
        <source>certificate NOT trusted ({reason}); SHA-256 {fingerprint}</source>
        <translation>Zertifikat NICHT vertrauenswürdig ({reason}); SHA-256 {fingerprint}</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Outgoing: not found</source>
        <translation>Ausgang: nicht gefunden</translation>
    </message>
    <message>
        <source>Found by: {source}</source>
        <translation>Gefunden durch: {source}</translation>
    </message>
    <message>
        <source>Sign-in: with {provider} (no passwords over IMAP)</source>
        <translation>Anmeldung: mit {provider} (keine Passwörter über IMAP)</translation>
    </message>
    <message>
        <source>Sign-in: an app password ({url})</source>
        <translation>Anmeldung: mit einem App-Passwort ({url})</translation>
    </message>
    <message>
        <source>replytrail: “{email}” is not an email address</source>
        <translation>replytrail: „{email}“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>replytrail: no mail server found for {domain} (tried {steps}); enter the settings by hand (replytrail account add --imap-host ...)</source>
        <translation>replytrail: kein Mailserver für {domain} gefunden (versucht: {steps}); geben Sie die Einstellungen von Hand ein (replytrail account add --imap-host ...)</translation>
    </message>
</context>
<context>
    <name>doctor</name>
    <message>
        <source>keyring</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>store</source>
        <translation>Speicher</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No password given: pass --password-stdin and write it to stdin.</source>
        <translation>Kein Passwort angegeben: Verwenden Sie --password-stdin und übergeben Sie es über die Standardeingabe.</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>Das Passwort ist leer.</translation>
    </message>
    <message>
        <source>No IMAP server known for {email}: give --imap-host.</source>
        <translation>Für {email} ist kein IMAP-Server bekannt: Geben Sie --imap-host an.</translation>
    </message>
    <message>
        <source>The CA file {path} does not exist.</source>
        <translation>Die CA-Datei {path} existiert nicht.</translation>
    </message>
    <message>
        <source>{value!r} is not a SHA-256 fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no accounts to test.</source>
        <translation>Es gibt keine Konten zum Testen.</translation>
    </message>
    <message>
        <source>No logged emails with {contact}.</source>
        <translation>Keine erfassten E-Mails mit {contact}.</translation>
    </message>
    <message>
        <source>{value!r} is not a date (YYYY-MM-DD).</source>
        <translation>{value!r} ist kein Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>No account to send from: add one with &apos;replytrail account add&apos;.</source>
        <translation>Kein Konto zum Senden: Fügen Sie eines mit „replytrail account add“ hinzu.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {detail}</source>
        <translation>{path} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>No accounts to watch: add one with &apos;replytrail account add&apos;.</source>
        <translation>Keine Konten zum Überwachen: Fügen Sie eines mit „replytrail account add“ hinzu.</translation>
    </message>
    <message>
        <source>{address!r} is not an email address.</source>
        <translation>{address!r} ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The accounts file {path} is broken: {detail}</source>
        <translation>Die Kontendatei {path} ist beschädigt: {detail}</translation>
    </message>
    <message>
        <source>There is no account {email}; &apos;replytrail account list&apos; shows them.</source>
        <translation>Es gibt kein Konto {email}; „replytrail account list“ zeigt alle Konten.</translation>
    </message>
    <message>
        <source>{key} expects a {kind} value, not {value!r}.</source>
        <translation>{key} erwartet einen Wert vom Typ {kind}, nicht {value!r}.</translation>
    </message>
    <message>
        <source>{key} must be one of: {choices}.</source>
        <translation>{key} muss einer dieser Werte sein: {choices}.</translation>
    </message>
    <message>
        <source>{key} must be at least {minimum}.</source>
        <translation>{key} muss mindestens {minimum} sein.</translation>
    </message>
    <message>
        <source>The settings file {path} is broken: {detail}</source>
        <translation>Die Einstellungsdatei {path} ist beschädigt: {detail}</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {detail}</source>
        <translation>Die Einstellungsdatei {path} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>Unknown setting {key}; &apos;replytrail config list&apos; shows them all.</source>
        <translation>Unbekannte Einstellung {key}; „replytrail config list“ zeigt alle Einstellungen.</translation>
    </message>
    <message>
        <source>{detail}</source>
        <extracomment>stable machine-readable code (used by the JSON outputs and the UI)</extracomment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>Host {host} was not found: check the server name and your internet connection.</source>
        <translation>Der Host {host} wurde nicht gefunden: Prüfen Sie den Servernamen und Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>{host} refused the connection on port {port}: check the port, or whether the provider offers this service.</source>
        <translation>{host} hat die Verbindung auf Port {port} abgelehnt: Prüfen Sie den Port oder ob der Anbieter diesen Dienst anbietet.</translation>
    </message>
    <message>
        <source>{host} did not answer on port {port} in time: check the port and your network.</source>
        <translation>{host} hat auf Port {port} nicht rechtzeitig geantwortet: Prüfen Sie den Port und Ihr Netzwerk.</translation>
    </message>
    <message>
        <source>The certificate of {host} is not trusted ({reason}); SHA-256 fingerprint {fingerprint}. Pin it for this host only if your administrator confirms it.</source>
        <translation>Dem Zertifikat von {host} wird nicht vertraut ({reason}); SHA-256-Fingerabdruck {fingerprint}. Hinterlegen Sie es nur für diesen Host, wenn Ihr Administrator es bestätigt.</translation>
    </message>
    <message>
        <source>Warning: the certificate of {host} changed (now {fingerprint}, pinned {pinned}); refusing to connect. Someone may be intercepting the connection.</source>
        <translation>Warnung: Das Zertifikat von {host} hat sich geändert (jetzt {fingerprint}, hinterlegt {pinned}); die Verbindung wird verweigert. Möglicherweise fängt jemand die Verbindung ab.</translation>
    </message>
    <message>
        <source>Wrong user name or password for {user} at {host}: check them and try again.</source>
        <translation>Falscher Benutzername oder falsches Passwort für {user} bei {host}: Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{provider} refused the password: it needs an app password (create one in your account&apos;s security settings: {url}) or sign-in with the provider.</source>
        <translation>{provider} hat das Passwort abgelehnt: Nötig ist ein App-Passwort (erstellen Sie eines in den Sicherheitseinstellungen Ihres Kontos: {url}) oder die Anmeldung beim Anbieter.</translation>
    </message>
    <message>
        <source>{provider} does not accept passwords over IMAP: sign in with {provider} instead.</source>
        <translation>{provider} akzeptiert über IMAP keine Passwörter: Melden Sie sich stattdessen bei {provider} an.</translation>
    </message>
    <message>
        <source>IMAP access is switched off for this mailbox: enable IMAP in your provider&apos;s settings ({url}) and check again.</source>
        <translation>Der IMAP-Zugriff ist für dieses Postfach ausgeschaltet: Aktivieren Sie IMAP in den Einstellungen Ihres Anbieters ({url}) und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>{host} offers POP3, not IMAP: Replytrail needs IMAP to see your mailbox on the server. Enable IMAP at your provider (replytrail discover {email} shows how).</source>
        <translation>{host} bietet POP3 an, nicht IMAP: Replytrail braucht IMAP, um Ihr Postfach auf dem Server zu sehen. Aktivieren Sie IMAP bei Ihrem Anbieter (replytrail discover {email} zeigt, wie).</translation>
    </message>
    <message>
        <source>{host} answered in a way Replytrail did not expect: {detail}</source>
        <translation>{host} hat anders geantwortet, als Replytrail erwartet hat: {detail}</translation>
    </message>
    <message>
        <source>No system keyring is available to keep the password safe ({detail}). Install and unlock GNOME Keyring or KWallet (Secret Service); Replytrail never stores passwords in files.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, um das Passwort sicher aufzubewahren ({detail}). Installieren und entsperren Sie GNOME Keyring oder KWallet (Secret Service); Replytrail speichert Passwörter nie in Dateien.</translation>
    </message>
    <message>
        <source>The CRM store at {path} cannot be used: {detail}</source>
        <translation>Der CRM-Speicher unter {path} kann nicht verwendet werden: {detail}</translation>
    </message>
    <message>
        <source>The team store {where} cannot be reached: {detail}</source>
        <translation>Der Team-Speicher {where} ist nicht erreichbar: {detail}</translation>
    </message>
    <message>
        <source>{host} does not offer STARTTLS on port {port}; Replytrail never sends a password unencrypted. Use port 993 with SSL/TLS.</source>
        <translation>{host} bietet auf Port {port} kein STARTTLS an; Replytrail sendet Passwörter nie unverschlüsselt. Verwenden Sie Port 993 mit SSL/TLS.</translation>
    </message>
    <message>
        <source>The server does not support IDLE: replies are found by polling every minute instead of at once.</source>
        <translation>Der Server unterstützt kein IDLE: Antworten werden jede Minute abgefragt statt sofort gemeldet.</translation>
    </message>
    <message>
        <source>{host} does not offer STARTTLS on port {port}; Replytrail never sends a password unencrypted. Use port 465 with SSL/TLS.</source>
        <translation>{host} bietet auf Port {port} kein STARTTLS an; Replytrail sendet Passwörter nie unverschlüsselt. Verwenden Sie Port 465 mit SSL/TLS.</translation>
    </message>
    <message>
        <source>The email has no recipient.</source>
        <translation>Die E-Mail hat keinen Empfänger.</translation>
    </message>
    <message>
        <source>The attachment {path} cannot be read: {detail}</source>
        <translation>Der Anhang {path} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>The attachments are larger than 35 MB; most providers refuse such emails.</source>
        <translation>Die Anhänge sind größer als 35 MB; die meisten Anbieter lehnen solche E-Mails ab.</translation>
    </message>
</context>
<context>
    <name>pop3</name>
    <message>
        <source>en</source>
        <translation>de</translation>
    </message>
    <message>
        <source>{host} offers only POP3, not IMAP.</source>
        <translation>{host} bietet nur POP3 an, kein IMAP.</translation>
    </message>
    <message>
        <source>This account is set up for POP3, not IMAP.</source>
        <translation>Dieses Konto ist für POP3 eingerichtet, nicht für IMAP.</translation>
    </message>
    <message>
        <source>POP3 and IMAP are two ways for a mail program to fetch your email. POP3 downloads the emails to one device and usually removes them from the server, so they are then only on that device. IMAP keeps every email on the server and shows the same mailbox on every device: computer, phone and web mail.</source>
        <translation>POP3 und IMAP sind zwei Wege, auf denen ein E-Mail-Programm Ihre E-Mails abruft. Bei POP3 werden die E-Mails auf ein Gerät heruntergeladen und meist vom Server entfernt; sie liegen dann nur noch auf diesem Gerät. Bei IMAP bleibt jede E-Mail auf dem Server, und Sie sehen auf jedem Gerät dasselbe Postfach: am Computer, am Telefon und im Webmail.</translation>
    </message>
    <message>
        <source>Replytrail must see your mailbox on the server to notice replies to your emails as they arrive. With POP3 the replies may already have been taken off the server by another device, so Replytrail needs IMAP.</source>
        <translation>Replytrail muss Ihr Postfach auf dem Server sehen, um Antworten auf Ihre E-Mails zu bemerken, sobald sie eintreffen. Mit POP3 hat womöglich schon ein anderes Gerät die Antworten vom Server geholt; deshalb braucht Replytrail IMAP.</translation>
    </message>
    <message>
        <source>1. Switch IMAP on at {provider}:</source>
        <translation>1. Schalten Sie IMAP bei {provider} ein:</translation>
    </message>
    <message>
        <source>1. Switch IMAP on at your provider:</source>
        <translation>1. Schalten Sie IMAP bei Ihrem Anbieter ein:</translation>
    </message>
    <message>
        <source>Sign in to your provider&apos;s web mail and look in the settings for “POP3/IMAP”, “IMAP access” or “Mail programs”; allow IMAP access and save.</source>
        <translation>Melden Sie sich im Webmail Ihres Anbieters an und suchen Sie in den Einstellungen nach „POP3/IMAP“, „IMAP-Zugriff“ oder „E-Mail-Programme“; erlauben Sie den IMAP-Zugriff und speichern Sie.</translation>
    </message>
    <message>
        <source>Many providers have IMAP switched on already: then only your mail program has to be set up again with IMAP (next step). If in doubt, ask your provider or IT team for the IMAP server name.</source>
        <translation>Bei vielen Anbietern ist IMAP schon eingeschaltet: Dann muss nur Ihr E-Mail-Programm neu mit IMAP eingerichtet werden (nächster Schritt). Fragen Sie im Zweifel Ihren Anbieter oder Ihre IT nach dem Namen des IMAP-Servers.</translation>
    </message>
    <message>
        <source>Help page: {url}</source>
        <translation>Hilfeseite: {url}</translation>
    </message>
    <message>
        <source>2. Switch your mail program from POP3 to IMAP without losing mail. Emails that POP3 has already downloaded exist only on your computer, so copy them back to the server first:</source>
        <translation>2. Stellen Sie Ihr E-Mail-Programm von POP3 auf IMAP um, ohne E-Mails zu verlieren. E-Mails, die POP3 schon heruntergeladen hat, gibt es nur noch auf Ihrem Computer; kopieren Sie sie deshalb zuerst zurück auf den Server:</translation>
    </message>
    <message>
        <source>Outlook: add your address again as a new IMAP account (File › Add Account › Advanced options › Let me set up my account manually › IMAP). Keep the POP3 account for now. Drag the folders with your old emails from the POP3 data file into the IMAP account and wait until they are uploaded. Then remove the POP3 account (File › Account Settings › Account Settings › Remove).</source>
        <translation>Outlook: Fügen Sie Ihre Adresse noch einmal als neues IMAP-Konto hinzu (Datei › Konto hinzufügen › Erweiterte Optionen › Ich möchte mein Konto manuell einrichten › IMAP). Behalten Sie das POP3-Konto vorerst. Ziehen Sie die Ordner mit Ihren alten E-Mails aus der POP3-Datendatei in das IMAP-Konto und warten Sie, bis sie hochgeladen sind. Entfernen Sie danach das POP3-Konto (Datei › Kontoeinstellungen › Kontoeinstellungen › Entfernen).</translation>
    </message>
    <message>
        <source>Thunderbird: add the account again with IMAP (Account Settings › Account Actions › Add Mail Account, then “Configure manually” and choose IMAP). Keep the POP3 account for now. Copy the folders you want to keep from the POP3 account or Local Folders to the IMAP account (right-click › Copy To). Then remove the POP3 account (Account Actions › Remove Account).</source>
        <translation>Thunderbird: Richten Sie das Konto noch einmal mit IMAP ein (Konten-Einstellungen › Konten-Aktionen › E-Mail-Konto hinzufügen, dann „Manuell einrichten“ und IMAP wählen). Behalten Sie das POP3-Konto vorerst. Kopieren Sie die Ordner, die Sie behalten möchten, aus dem POP3-Konto oder den Lokalen Ordnern in das IMAP-Konto (Rechtsklick › Kopieren nach). Entfernen Sie danach das POP3-Konto (Konten-Aktionen › Konto entfernen).</translation>
    </message>
    <message>
        <source>Apple Mail: add the account again as IMAP (Mail › Settings › Accounts › +, “Other Mail Account”, account type IMAP). Keep the POP3 account for now. Drag the emails from the POP3 account&apos;s mailboxes into the IMAP account&apos;s mailboxes and wait until they are uploaded. Then switch the POP3 account off or remove it.</source>
        <translation>Apple Mail: Fügen Sie den Account noch einmal als IMAP hinzu (Mail › Einstellungen › Accounts › +, „Anderer Mail-Account“, Accounttyp IMAP). Behalten Sie den POP3-Account vorerst. Ziehen Sie die E-Mails aus den Postfächern des POP3-Accounts in die Postfächer des IMAP-Accounts und warten Sie, bis sie hochgeladen sind. Schalten Sie danach den POP3-Account aus oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>3. When IMAP is on, choose “Check again” (or run “replytrail discover” again).</source>
        <translation>3. Wenn IMAP eingeschaltet ist, wählen Sie „Erneut prüfen“ (oder rufen Sie „replytrail discover“ noch einmal auf).</translation>
    </message>
</context>
</TS>

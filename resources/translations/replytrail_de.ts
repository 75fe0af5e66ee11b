<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountTrouble</name>
    <message>
        <source>{account}: stopped</source>
        <extracomment>what the watcher reports for a lost connection: the exception&apos;s class name</extracomment>
        <translation>{account}: angehalten</translation>
    </message>
    <message>
        <source>{account}: offline</source>
        <translation>{account}: keine Verbindung</translation>
    </message>
    <message>
        <source>The account stopped.</source>
        <translation>Das Konto wurde angehalten.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Replytrail keeps trying.</source>
        <translation>Die Verbindung zum Server ist unterbrochen. Replytrail versucht es weiter.</translation>
    </message>
    <message>
        <source>Enter password again…</source>
        <translation>Passwort erneut eingeben…</translation>
    </message>
    <message>
        <source>Edit server settings…</source>
        <translation>Servereinstellungen bearbeiten…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
</context>
<context>
    <name>AccountTroublePanel</name>
    <message>
        <source>Enter password again…</source>
        <translation>Passwort erneut eingeben…</translation>
    </message>
    <message>
        <source>Edit server settings…</source>
        <translation>Servereinstellungen bearbeiten…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Name and signature…</source>
        <translation>Name und Signatur…</translation>
    </message>
    <message>
        <source>Watching for replies.</source>
        <translation>Aktiv: Antworten werden erfasst.</translation>
    </message>
    <message>
        <source>Catching up…</source>
        <translation>Wird abgeglichen…</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Pausiert.</translation>
    </message>
    <message>
        <source>Offline: {reason}</source>
        <translation>Keine Verbindung: {reason}</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Angehalten: {reason}</translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation>die Verbindung zum Server ist unterbrochen</translation>
    </message>
</context>
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
    <name>AwaitingPage</name>
    <message>
        <source>Awaiting reply</source>
        <extracomment>the app&apos;s store executor (every store access of the windows runs on its thread)</extracomment>
        <translation>Antwort ausstehend</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Nothing is awaiting a reply.</source>
        <translation>Keine Antwort steht aus.</translation>
    </message>
    <message>
        <source>Remind me…</source>
        <translation>Erinnern…</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>In 3 Tagen</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>In einer Woche</translation>
    </message>
    <message>
        <source>No reply needed</source>
        <translation>Keine Antwort nötig</translation>
    </message>
    <message>
        <source>Open contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
    <message>
        <source>Your emails without a reply after {n} working days, oldest first.</source>
        <translation>Ihre E-Mails ohne Antwort nach {n} Arbeitstagen, die ältesten zuerst.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Sent {date}</source>
        <translation>Gesendet am {date}</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 Arbeitstag</translation>
    </message>
    <message>
        <source>{n} working days</source>
        <translation>{n} Arbeitstage</translation>
    </message>
    <message>
        <source>Reminder set for {when}, unless a reply comes first.</source>
        <translation>Erinnerung am {when}, falls bis dahin keine Antwort kommt.</translation>
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
        <translation>Unsicher: nur erfasst, weil der Betreff zu einer erfassten Unterhaltung passt und der Absender kürzlich daran beteiligt war. Es ist womöglich keine Antwort auf Ihre E-Mail.</translation>
    </message>
    <message>
        <source>via Bcc</source>
        <translation>per Bcc</translation>
    </message>
    <message>
        <source>Logged because you sent it with your logging address in Bcc.</source>
        <translation>Erfasst, weil Sie die E-Mail mit Ihrer Erfassungsadresse in Bcc gesendet haben.</translation>
    </message>
    <message>
        <source>Outlook thread</source>
        <translation>Outlook-Unterhaltung</translation>
    </message>
    <message>
        <source>Matched by Outlook&apos;s conversation id (the reply had no References).</source>
        <translation>Über die Unterhaltungs-ID von Outlook zugeordnet (die Antwort enthielt keine References).</translation>
    </message>
    <message>
        <source>Gmail thread</source>
        <translation>Gmail-Unterhaltung</translation>
    </message>
    <message>
        <source>Matched by Gmail&apos;s thread id.</source>
        <translation>Über die Unterhaltungs-ID von Gmail zugeordnet.</translation>
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
    <name>BounceLine</name>
    <message numerus="yes">
        <source>%n email(s) could not be delivered</source>
        <translation>
            <numerusform>%n E-Mail konnte nicht zugestellt werden</numerusform>
            <numerusform>%n E-Mails konnten nicht zugestellt werden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Reply</source>
        <extracomment>picks files to attach; tests replace it</extracomment>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>New email</source>
        <translation>Neue E-Mail</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>name@company.com, …</source>
        <translation>name@firma.de, …</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Write your message…</source>
        <translation>Ihre Nachricht …</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Dateien anhängen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close; the draft is kept</source>
        <translation>Schließen; der Entwurf bleibt erhalten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send and track replies (Ctrl+Return)</source>
        <translation>Senden und Antworten verfolgen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>No mail account is set up yet. Add one in Accounts… first; your text is kept as a draft.</source>
        <translation>Es ist noch kein E-Mail-Konto eingerichtet. Fügen Sie zuerst unter „Konten …“ eines hinzu; Ihr Text bleibt als Entwurf erhalten.</translation>
    </message>
    <message>
        <source>On {date}, {who} wrote:</source>
        <translation>Am {date} schrieb {who}:</translation>
    </message>
    <message>
        <source>Restored your unsent draft.</source>
        <translation>Ihr nicht gesendeter Entwurf wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>The draft could not be saved: {reason}</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Entwurf gespeichert</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>{name}  ·  missing</source>
        <translation>{name}  ·  fehlt</translation>
    </message>
    <message>
        <source>Choose the account to send from.</source>
        <translation>Wählen Sie das Konto, von dem gesendet wird.</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>Geben Sie mindestens einen Empfänger an.</translation>
    </message>
    <message>
        <source>This is not an email address: {address}</source>
        <translation>Das ist keine E-Mail-Adresse: {address}</translation>
    </message>
    <message>
        <source>The attachment {name} no longer exists.</source>
        <translation>Der Anhang {name} existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Sending failed: {reason}
Your draft is saved; you can try again.</source>
        <translation>Senden fehlgeschlagen: {reason}
Ihr Entwurf ist gespeichert; Sie können es erneut versuchen.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
</context>
<context>
    <name>ContactDelegate</name>
    <message>
        <source>1 email</source>
        <translation>1 E-Mail</translation>
    </message>
    <message>
        <source>{n} emails</source>
        <translation>{n} E-Mails</translation>
    </message>
</context>
<context>
    <name>ContactEditDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
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
        <translation>Eine erfasste E-Mail an diesen Kontakt schreiben</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>This thread as .eml files…</source>
        <translation>Diese Unterhaltung als .eml-Dateien …</translation>
    </message>
    <message>
        <source>This thread as .mbox…</source>
        <translation>Diese Unterhaltung als .mbox …</translation>
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
        <source>All contacts as CSV for your CRM…</source>
        <translation>Alle Kontakte als CSV für Ihr CRM …</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Vergessen …</translation>
    </message>
    <message>
        <source>Select a contact first</source>
        <translation>Wählen Sie zuerst einen Kontakt</translation>
    </message>
    <message>
        <source>Save this contact&apos;s emails as files</source>
        <translation>Die E-Mails dieses Kontakts als Dateien speichern</translation>
    </message>
    <message>
        <source>Delete everything logged for this contact</source>
        <translation>Alles löschen, was zu diesem Kontakt erfasst wurde</translation>
    </message>
    <message>
        <source>Select a contact on the left to export or forget it.</source>
        <translation>Wählen Sie links einen Kontakt, um ihn zu exportieren oder zu vergessen.</translation>
    </message>
    <message>
        <source>Export and Forget work once a contact is logged.</source>
        <translation>Exportieren und Vergessen sind möglich, sobald ein Kontakt erfasst ist.</translation>
    </message>
    <message>
        <source>1 logged email</source>
        <translation>1 erfasste E-Mail</translation>
    </message>
    <message>
        <source>{n} logged emails</source>
        <translation>{n} erfasste E-Mails</translation>
    </message>
    <message>
        <source>Last contact {date} ({ago}) · {count}</source>
        <translation>Letzter Kontakt {date} ({ago}) · {count}</translation>
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
        <translation>vor {n} Tagen</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>DiscoveryPage</name>
    <message>
        <source>Finding your server settings</source>
        <translation>Servereinstellungen suchen</translation>
    </message>
    <message>
        <source>Replytrail asks your team&apos;s settings, its own provider list, your provider and the DNS, all at once.</source>
        <translation>Replytrail fragt gleichzeitig die Einstellungen Ihres Teams, die eigene Anbieterliste, Ihren Anbieter und das DNS.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Search &amp;again</source>
        <translation>Erneut &amp;suchen</translation>
    </message>
    <message>
        <source>Your team&apos;s settings</source>
        <translation>Einstellungen Ihres Teams</translation>
    </message>
    <message>
        <source>Replytrail&apos;s provider list</source>
        <translation>Anbieterliste von Replytrail</translation>
    </message>
    <message>
        <source>Your domain&apos;s autoconfig file</source>
        <translation>Autoconfig-Datei Ihrer Domain</translation>
    </message>
    <message>
        <source>Thunderbird&apos;s provider database</source>
        <translation>Anbieterdatenbank von Thunderbird</translation>
    </message>
    <message>
        <source>DNS service records (SRV)</source>
        <translation>DNS-Diensteinträge (SRV)</translation>
    </message>
    <message>
        <source>DNS mail servers (MX)</source>
        <translation>DNS-Mailserver (MX)</translation>
    </message>
    <message>
        <source>Trying common server names</source>
        <translation>Übliche Servernamen ausprobieren</translation>
    </message>
    <message>
        <source>found IMAP</source>
        <translation>IMAP gefunden</translation>
    </message>
    <message>
        <source>found only POP3</source>
        <translation>nur POP3 gefunden</translation>
    </message>
    <message>
        <source>found only the outgoing server</source>
        <translation>nur den Postausgangsserver gefunden</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>nichts gefunden</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>took too long</source>
        <translation>dauerte zu lange</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>%1 (under 0.1 s)</source>
        <translation>%1 (unter 0,1 s)</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 s)</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>wird gefragt…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Looking up the settings for %1… (%2 s)</source>
        <translation>Einstellungen für %1 werden gesucht… (%2 s)</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>You can enter the server settings yourself on the next page, or search again.</source>
        <translation>Sie können die Servereinstellungen auf der nächsten Seite selbst eingeben oder erneut suchen.</translation>
    </message>
    <message>
        <source>Your account offers only POP3.</source>
        <translation>Ihr Konto bietet nur POP3.</translation>
    </message>
    <message>
        <source>%1 answers with POP3, not IMAP. The next page explains what to do.</source>
        <translation>%1 antwortet mit POP3, nicht mit IMAP. Die nächste Seite erklärt, was zu tun ist.</translation>
    </message>
    <message>
        <source>Found the settings.</source>
        <translation>Einstellungen gefunden.</translation>
    </message>
    <message>
        <source>Incoming mail (IMAP): %1, port %2</source>
        <translation>Posteingang (IMAP): %1, Port %2</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP): %1, port %2</source>
        <translation>Postausgang (SMTP): %1, Port %2</translation>
    </message>
    <message>
        <source>No settings found for %1.</source>
        <translation>Keine Einstellungen für %1 gefunden.</translation>
    </message>
    <message>
        <source>Enter them on the next page: your provider&apos;s help pages or your IT team know them.</source>
        <translation>Geben Sie sie auf der nächsten Seite ein: Die Hilfeseiten Ihres Anbieters oder Ihr IT-Team kennen sie.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Enter the server settings on the next page.</source>
        <translation>Geben Sie die Servereinstellungen auf der nächsten Seite ein.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Ready to watch your inbox</source>
        <translation>Bereit, Antworten zu erfassen</translation>
    </message>
    <message>
        <source>Check the summary, then choose Finish.</source>
        <translation>Prüfen Sie die Zusammenfassung und wählen Sie dann „Abschließen“.</translation>
    </message>
    <message>
        <source>When you choose Finish, your password goes into the system keyring and Replytrail starts watching your inbox. Replies to your tracked emails appear in the timeline within seconds; the tray icon shows that Replytrail is watching.</source>
        <translation>Wenn Sie „Abschließen“ wählen, kommt Ihr Passwort in den Schlüsselbund des Systems und Replytrail beginnt mit der Arbeit. Antworten auf Ihre erfassten E-Mails erscheinen binnen Sekunden im Verlauf; das Symbol im Infobereich zeigt, dass Replytrail aktiv ist.</translation>
    </message>
    <message>
        <source>every email with a known contact</source>
        <extracomment>shown after Finish when the account was saved but joining the team store failed</extracomment>
        <translation>jede E-Mail mit einem bekannten Kontakt</translation>
    </message>
    <message>
        <source>replies to the emails you track</source>
        <translation>Antworten auf die E-Mails, die Sie verfolgen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Incoming mail</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Outgoing mail</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>Bcc logging address</source>
        <translation>Bcc-Erfassungsadresse</translation>
    </message>
    <message>
        <source>Never logs</source>
        <translation>Nie erfasst</translation>
    </message>
    <message>
        <source>nothing excluded</source>
        <translation>nichts ausgenommen</translation>
    </message>
    <message>
        <source>Team store</source>
        <translation>Team-Speicher</translation>
    </message>
    <message>
        <source>%1, as %2</source>
        <translation>%1, als %2</translation>
    </message>
    <message>
        <source>Shared with the team</source>
        <translation>Für das Team sichtbar</translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation>Vertrautes Zertifikat</translation>
    </message>
    <message>
        <source>(pinned)</source>
        <translation>(festgelegt)</translation>
    </message>
    <message>
        <source>with whom you exchanged emails, when, and the subjects; the text and attachments only you</source>
        <translation>mit wem Sie wann E-Mails gewechselt haben und die Betreffzeilen; Text und Anhänge nur für Sie</translation>
    </message>
    <message>
        <source>every logged email, with its text and attachments</source>
        <translation>jede erfasste E-Mail mit Text und Anhängen</translation>
    </message>
    <message>
        <source>Your account is set up. Joining the team store did not work: %1 You can join later in Settings › Team.</source>
        <translation>Ihr Konto ist eingerichtet. Der Beitritt zum Team-Speicher hat nicht geklappt: %1 Sie können später unter Einstellungen › Team beitreten.</translation>
    </message>
    <message>
        <source>Saving failed unexpectedly: %1</source>
        <translation>Das Speichern ist unerwartet fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>EmailPage</name>
    <message>
        <source>Welcome to Replytrail</source>
        <translation>Willkommen bei Replytrail</translation>
    </message>
    <message>
        <source>Replytrail watches your mailbox and logs your customers&apos; replies to the emails you send them.</source>
        <translation>Replytrail erfasst die Antworten Ihrer Kunden auf die E-Mails, die Sie ihnen schicken.</translation>
    </message>
    <message>
        <source>Enter the email address you write to your customers from. Replytrail looks up the server settings for you.</source>
        <translation>Geben Sie die E-Mail-Adresse ein, von der Sie Ihren Kunden schreiben. Replytrail sucht die Servereinstellungen für Sie heraus.</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@beispiel.de</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>Erika Mustermann</source>
        <translation>Erika Mustermann</translation>
    </message>
    <message>
        <source>The name your customers see as the sender</source>
        <translation>Der Name, den Ihre Kunden als Absender sehen</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>Your password stays in your system&apos;s keyring. Replytrail only stores the emails that belong to threads you track, and never changes your mailbox.</source>
        <translation>Ihr Passwort bleibt im Schlüsselbund Ihres Systems. Replytrail speichert nur die E-Mails erfasster Unterhaltungen und ändert nichts an Ihrem Postfach.</translation>
    </message>
</context>
<context>
    <name>FollowUpMenu</name>
    <message>
        <source>1 email awaiting reply</source>
        <translation>1 E-Mail ohne Antwort</translation>
    </message>
    <message>
        <source>{n} emails awaiting reply</source>
        <translation>{n} E-Mails ohne Antwort</translation>
    </message>
</context>
<context>
    <name>FollowUpService</name>
    <message>
        <source>No reply from {who} yet</source>
        <translation>Noch keine Antwort von {who}</translation>
    </message>
</context>
<context>
    <name>HandoffPage</name>
    <message>
        <source>Hand-off</source>
        <extracomment>(choice id, preset id or kind); &quot;other&quot;: any drop address; &quot;webhook&quot;: a signed webhook</extracomment>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Pass the emails Replytrail logs on to the CRM your team already uses: to its drop address (forwarded through your own mail server) or to a signed webhook.</source>
        <translation>Geben Sie die erfassten E-Mails an das CRM weiter, das Ihr Team schon nutzt: an dessen Eingangsadresse (weitergeleitet über Ihren eigenen Mailserver) oder an einen signierten Webhook.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut senden</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Another drop address</source>
        <translation>Andere Eingangsadresse</translation>
    </message>
    <message>
        <source>Webhook (n8n, Make, …)</source>
        <translation>Webhook (n8n, Make, …)</translation>
    </message>
    <message>
        <source>Pass on to:</source>
        <translation>Weitergeben an:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation>Signaturschlüssel:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Customer replies</source>
        <translation>Antworten von Kunden</translation>
    </message>
    <message>
        <source>Replies and auto-replies</source>
        <translation>Antworten und automatische Antworten</translation>
    </message>
    <message>
        <source>Everything logged, also what you sent</source>
        <translation>Alles Erfasste, auch Ihre eigenen E-Mails</translation>
    </message>
    <message>
        <source>Inline (“Forwarded message”)</source>
        <translation>Im Text („Weitergeleitete Nachricht“)</translation>
    </message>
    <message>
        <source>Original attached (.eml)</source>
        <translation>Original als Anhang (.eml)</translation>
    </message>
    <message>
        <source>Keep a copy of each forward in Sent</source>
        <translation>Jede Weiterleitung auch in „Gesendet“ ablegen</translation>
    </message>
    <message>
        <source>at least 16 characters</source>
        <translation>mindestens 16 Zeichen</translation>
    </message>
    <message>
        <source>the CRM&apos;s address, e.g. 123456@bcc.hubspot.com</source>
        <translation>Adresse des CRM, z. B. 123456@bcc.hubspot.com</translation>
    </message>
    <message>
        <source>Where do I find it?</source>
        <translation>Wo finde ich sie?</translation>
    </message>
    <message>
        <source>Each request is signed (X-Replytrail-Signature, HMAC-SHA256) and carries an Idempotency-Key; see docs/handoff.md for the check.</source>
        <translation>Jede Anfrage ist signiert (X-Replytrail-Signature, HMAC-SHA256) und trägt einen Idempotency-Key; die Prüfung steht in docs/handoff.md.</translation>
    </message>
    <message>
        <source>The signing secret needs at least 16 characters.</source>
        <translation>Der Signaturschlüssel braucht mindestens 16 Zeichen.</translation>
    </message>
    <message>
        <source>(set by your team)</source>
        <translation>(von Ihrem Team vorgegeben)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Bring in conversations</source>
        <extracomment>runs one import (blocking, on a worker thread): request, progress callback, stop event</extracomment>
        <translation>Unterhaltungen übernehmen</translation>
    </message>
    <message>
        <source>Bring in all emails with {contact}</source>
        <translation>Alle E-Mails mit {contact} übernehmen</translation>
    </message>
    <message>
        <source>Bring in your existing conversations</source>
        <translation>Bestehende Unterhaltungen übernehmen</translation>
    </message>
    <message>
        <source>Replytrail reads only the header lines of your mail to find the conversations with this person. Only those conversations are stored.</source>
        <translation>Replytrail liest nur die Kopfzeilen Ihrer E-Mails, um die Unterhaltungen mit dieser Person zu finden. Nur diese Unterhaltungen werden gespeichert.</translation>
    </message>
    <message>
        <source>Replytrail looks at the emails you sent and brings in your conversations with those people, so their next replies are logged too. It reads only the header lines of everything else; nothing else is stored.</source>
        <translation>Replytrail sieht sich Ihre gesendeten E-Mails an und übernimmt Ihre Unterhaltungen mit diesen Personen – so werden auch deren nächste Antworten erfasst. Von allen anderen E-Mails liest Replytrail nur die Kopfzeilen und speichert nichts.</translation>
    </message>
    <message>
        <source>Conversations of the last</source>
        <translation>Unterhaltungen der letzten</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Bring in</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Looking at the emails you sent: {done} of {total}</source>
        <translation>Gesendete E-Mails werden angesehen: {done} von {total}</translation>
    </message>
    <message>
        <source>Looking for the answers: {done} of {total}</source>
        <translation>Antworten werden gesucht: {done} von {total}</translation>
    </message>
    <message>
        <source>Bringing in conversations: {done} of {total} emails</source>
        <translation>Unterhaltungen werden übernommen: {done} von {total} E-Mails</translation>
    </message>
    <message>
        <source>Stopped. {emails} emails in {threads} conversations were brought in; you can bring in the rest later.</source>
        <translation>Angehalten. {emails} E-Mails in {threads} Unterhaltungen wurden übernommen; den Rest können Sie später übernehmen.</translation>
    </message>
    <message>
        <source>Done: {emails} emails in {threads} conversations brought in.</source>
        <translation>Fertig: {emails} E-Mails in {threads} Unterhaltungen übernommen.</translation>
    </message>
    <message>
        <source>Nothing new to bring in: these conversations are already here.</source>
        <translation>Nichts Neues zu übernehmen: Diese Unterhaltungen sind schon da.</translation>
    </message>
    <message>
        <source>Something went wrong ({error}).</source>
        <translation>Etwas ist schiefgegangen ({error}).</translation>
    </message>
    <message>
        <source>Nothing more was brought in: {reason}</source>
        <translation>Es wurde nichts weiter übernommen: {reason}</translation>
    </message>
</context>
<context>
    <name>LoggingPage</name>
    <message>
        <source>What Replytrail logs</source>
        <translation>Was Replytrail erfasst</translation>
    </message>
    <message>
        <source>You can change all of this later in the settings.</source>
        <translation>All das können Sie später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>&amp;Replies to the emails I track (recommended)</source>
        <translation>&amp;Antworten auf E-Mails, die ich verfolge (empfohlen)</translation>
    </message>
    <message>
        <source>E&amp;very email with a known contact</source>
        <translation>&amp;Jede E-Mail mit einem bekannten Kontakt</translation>
    </message>
    <message>
        <source>Tracked emails are the ones you send with Replytrail or with your Bcc logging address; their replies are logged automatically.</source>
        <translation>Erfasst werden die E-Mails, die Sie mit Replytrail oder mit Ihrer Bcc-Erfassungsadresse senden; Antworten darauf werden automatisch erfasst.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Writing from your usual mail program? Put this address in Bcc: Replytrail logs the email and watches for the replies.</source>
        <translation>Sie schreiben aus Ihrem gewohnten E-Mail-Programm? Setzen Sie diese Adresse in Bcc: Replytrail erfasst die E-Mail und die Antworten darauf.</translation>
    </message>
    <message>
        <source>example.com
colleague@example.org</source>
        <translation>example.com
kollegin@example.org</translation>
    </message>
    <message>
        <source>One address or domain per line, as in the settings. Your own domain is there so that emails with your colleagues are never logged.</source>
        <translation>Eine Adresse oder Domain pro Zeile, wie in den Einstellungen. Ihre eigene Domain steht hier, damit E-Mails mit Ihren Kolleginnen und Kollegen nie erfasst werden.</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Erfassen:</translation>
    </message>
    <message>
        <source>Look for replies &amp;since:</source>
        <translation>Antworten suchen &amp;seit:</translation>
    </message>
    <message>
        <source>&amp;Bcc logging address:</source>
        <translation>&amp;Bcc-Erfassungsadresse:</translation>
    </message>
    <message>
        <source>&amp;Never log:</source>
        <translation>&amp;Nie erfassen:</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Von Ihrem Administrator festgelegt</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation>Kontakte zusammenführen</translation>
    </message>
    <message>
        <source>The emails of the contact you choose move to {name}. Later emails from that address are added to {name} too.</source>
        <translation>Die E-Mails des gewählten Kontakts kommen zu {name}. Spätere E-Mails von dieser Adresse ebenfalls.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>%1 replied: %2</source>
        <translation>%1 hat geantwortet: %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>1 reply logged while you were away</source>
        <translation>1 Antwort erfasst, während Sie weg waren</translation>
    </message>
    <message>
        <source>%1 replies logged while you were away</source>
        <translation>%1 Antworten erfasst, während Sie weg waren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Enter password again</source>
        <translation>Passwort erneut eingeben</translation>
    </message>
    <message>
        <source>The server did not accept the password.</source>
        <translation>Der Server hat das Passwort nicht angenommen.</translation>
    </message>
    <message>
        <source>Password for {account}:</source>
        <translation>Passwort für {account}:</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <source>Your password</source>
        <translation>Ihr Passwort</translation>
    </message>
    <message>
        <source>Replytrail signs in to your mailbox with it. It is kept in your system&apos;s keyring, nowhere else.</source>
        <translation>Damit meldet sich Replytrail bei Ihrem Postfach an. Es liegt im Schlüsselbund Ihres Systems und nirgends sonst.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>S&amp;how password</source>
        <translation>Passwort &amp;anzeigen</translation>
    </message>
    <message>
        <source>Sign in as &lt;b&gt;%1&lt;/b&gt; at &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Anmelden als &lt;b&gt;%1&lt;/b&gt; bei &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Instead of signing in with %1, enter an app password.</source>
        <translation>Statt sich bei %1 anzumelden, geben Sie ein App-Passwort ein.</translation>
    </message>
    <message>
        <source>%1 needs an app password here, not your usual password.</source>
        <translation>%1 braucht hier ein App-Passwort, nicht Ihr übliches Passwort.</translation>
    </message>
    <message>
        <source>Create one at %1.</source>
        <translation>Erstellen Sie eines unter %1.</translation>
    </message>
</context>
<context>
    <name>Pop3Page</name>
    <message>
        <source>Replytrail needs IMAP, not POP3</source>
        <translation>Replytrail braucht IMAP, nicht POP3</translation>
    </message>
    <message>
        <source>Your mail is fetched with POP3. Here is why that cannot work, and how to switch IMAP on.</source>
        <translation>Ihre E-Mails werden mit POP3 abgerufen. Hier steht, warum das nicht funktionieren kann und wie Sie IMAP einschalten.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>%1 looks like a POP3 server (by its name or port); Replytrail has not connected to it. If it is your IMAP server after all, choose Next: the connection test will tell.</source>
        <translation>%1 sieht nach einem POP3-Server aus (nach Name oder Port); Replytrail hat sich noch nicht damit verbunden. Ist es doch Ihr IMAP-Server, wählen Sie „Weiter“: Der Verbindungstest zeigt es.</translation>
    </message>
    <message>
        <source>Here is why POP3 cannot work, and how to switch IMAP on.</source>
        <translation>Hier steht, warum POP3 nicht funktionieren kann und wie Sie IMAP einschalten.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Still only POP3 at %1 (checked at %2).</source>
        <translation>Weiterhin nur POP3 bei %1 (geprüft um %2).</translation>
    </message>
    <message>
        <source>IMAP is on: %1, port %2.</source>
        <translation>IMAP ist eingeschaltet: %1, Port %2.</translation>
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
        <translation>Auf diese E-Mail antworten (erfasst)</translation>
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
        <translation>1 externes Bild blockiert</translation>
    </message>
    <message>
        <source>{n} remote images blocked</source>
        <translation>{n} externe Bilder blockiert</translation>
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
    <name>ReviewPage</name>
    <message>
        <source>Check the server settings</source>
        <translation>Servereinstellungen prüfen</translation>
    </message>
    <message>
        <source>Most people change nothing here. Your provider&apos;s help pages list the right values.</source>
        <translation>Meist ist hier nichts zu ändern. Die Hilfeseiten Ihres Anbieters nennen die richtigen Werte.</translation>
    </message>
    <message>
        <source>imap.example.com</source>
        <translation>imap.beispiel.de</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.beispiel.de</translation>
    </message>
    <message>
        <source>Show &amp;advanced settings</source>
        <translation>&amp;Erweiterte Einstellungen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Incoming mail server (IMAP):</source>
        <translation>&amp;Posteingangsserver (IMAP):</translation>
    </message>
    <message>
        <source>&amp;Outgoing mail server (SMTP):</source>
        <translation>P&amp;ostausgangsserver (SMTP):</translation>
    </message>
    <message>
        <source>IMAP &amp;port:</source>
        <translation>IMAP-Po&amp;rt:</translation>
    </message>
    <message>
        <source>IMAP &amp;security:</source>
        <translation>IMAP-&amp;Sicherheit:</translation>
    </message>
    <message>
        <source>SMTP po&amp;rt:</source>
        <translation>SMTP-Por&amp;t:</translation>
    </message>
    <message>
        <source>SMTP securit&amp;y:</source>
        <translation>SMTP-Si&amp;cherheit:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Hide &amp;advanced settings</source>
        <translation>&amp;Erweiterte Einstellungen ausblenden</translation>
    </message>
    <message>
        <source>your team&apos;s settings</source>
        <translation>den Einstellungen Ihres Teams</translation>
    </message>
    <message>
        <source>Replytrail&apos;s provider list</source>
        <translation>der Anbieterliste von Replytrail</translation>
    </message>
    <message>
        <source>your domain&apos;s autoconfig file</source>
        <translation>der Autoconfig-Datei Ihrer Domain</translation>
    </message>
    <message>
        <source>Thunderbird&apos;s provider database</source>
        <translation>der Anbieterdatenbank von Thunderbird</translation>
    </message>
    <message>
        <source>the DNS</source>
        <translation>dem DNS</translation>
    </message>
    <message>
        <source>trying common server names</source>
        <translation>üblichen Servernamen</translation>
    </message>
    <message>
        <source>Replytrail could not find them. Your provider&apos;s help pages or your IT team have the right values.</source>
        <translation>Replytrail hat sie nicht gefunden. Die Hilfeseiten Ihres Anbieters oder Ihre IT-Abteilung nennen die richtigen Werte.</translation>
    </message>
    <message>
        <source>Found in %1 for %2.</source>
        <translation>Gefunden in %1 für %2.</translation>
    </message>
    <message>
        <source>Enter the server settings for %1.</source>
        <translation>Geben Sie die Servereinstellungen für %1 ein.</translation>
    </message>
    <message>
        <source>%1 port %2 answered as a POP3 server. Replytrail needs IMAP; Next explains how to switch.</source>
        <translation>%1 Port %2 hat sich als POP3-Server gemeldet. Replytrail braucht IMAP; „Weiter“ erklärt, wie Sie umstellen.</translation>
    </message>
    <message>
        <source>%1 port %2 looks like a POP3 server. Replytrail needs IMAP; Next explains how to switch.</source>
        <translation>%1 Port %2 sieht nach einem POP3-Server aus. Replytrail braucht IMAP; „Weiter“ erklärt, wie Sie umstellen.</translation>
    </message>
</context>
<context>
    <name>SafeMailBrowser</name>
    <message>
        <source>This email is too complex to show formatted.</source>
        <extracomment>the only schemes a link may keep (and the only ones the browser hands to the OS) a body whose document is not ready after this long is shown as plain text instead plain text up to this long (without very long lines) is shown at once, on the GUI thread image sources kept by the sanitiser; the browser still loads only data: and cid: ones</extracomment>
        <translation>Diese E-Mail ist zu komplex für die formatierte Ansicht.</translation>
    </message>
    <message>
        <source>This email is shortened here for display.</source>
        <translation>Diese E-Mail ist hier für die Anzeige gekürzt.</translation>
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
    <name>SenderDialog</name>
    <message>
        <source>Name and signature</source>
        <translation>Name und Signatur</translation>
    </message>
    <message>
        <source>Erika Mustermann
Sales | Example GmbH
+49 30 1234567</source>
        <translation>Erika Mustermann
Vertrieb | Beispiel GmbH
+49 30 1234567</translation>
    </message>
    <message>
        <source>&amp;Name your customers see:</source>
        <translation>&amp;Name für Ihre Kunden:</translation>
    </message>
    <message>
        <source>&amp;Signature (plain text):</source>
        <translation>&amp;Signatur (Nur-Text):</translation>
    </message>
</context>
<context>
    <name>ServerEditDialog</name>
    <message>
        <source>Server settings</source>
        <translation>Servereinstellungen</translation>
    </message>
    <message>
        <source>Incoming (IMAP) server:</source>
        <translation>Posteingangsserver (IMAP):</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Verschlüsselung:</translation>
    </message>
    <message>
        <source>Outgoing (SMTP) server:</source>
        <translation>Postausgangsserver (SMTP):</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
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
        <source>Sign in again…</source>
        <translation>Erneut anmelden …</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Erfassen:</translation>
    </message>
    <message>
        <source>Replies to tracked emails</source>
        <translation>Antworten auf erfasste E-Mails</translation>
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
        <source>Advanced</source>
        <translation>Erweitert</translation>
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
        <source>Greyed-out settings are set by your administrator.</source>
        <translation>Ausgegraute Einstellungen hat Ihr Administrator festgelegt.</translation>
    </message>
    <message>
        <source>Replytrail %1</source>
        <translation>Replytrail %1</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Von Ihrem Administrator festgelegt</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Stop watching %1 and forget its password? Logged emails stay in the store.</source>
        <translation>Für %1 nichts mehr erfassen und das Passwort vergessen? Erfasste E-Mails bleiben gespeichert.</translation>
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
    <name>SetupWizard</name>
    <message>
        <source>Set up Replytrail</source>
        <translation>Replytrail einrichten</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>%1 needs an app password</source>
        <translation>%1 braucht ein App-Passwort</translation>
    </message>
    <message>
        <source>Replytrail keeps it in your system&apos;s keyring, nowhere else.</source>
        <translation>Replytrail bewahrt es im Schlüsselbund Ihres Systems auf, nirgends sonst.</translation>
    </message>
    <message>
        <source>%1 does not let other programs use your usual password. Create an app password for Replytrail at %2, then enter it on the next page.</source>
        <translation>%1 lässt andere Programme Ihr übliches Passwort nicht verwenden. Erstellen Sie unter %2 ein App-Passwort für Replytrail und geben Sie es auf der nächsten Seite ein.</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <source>Replytrail never sees your password; %1 gives it a key to your mail.</source>
        <translation>Replytrail sieht Ihr Passwort nie; %1 gibt ihm einen Schlüssel zu Ihren E-Mails.</translation>
    </message>
    <message>
        <source>Your browser opens %1&apos;s sign-in page. Sign in as &lt;b&gt;%2&lt;/b&gt; and allow access to your mail, then come back here.</source>
        <translation>Ihr Browser öffnet die Anmeldeseite von %1. Melden Sie sich als &lt;b&gt;%2&lt;/b&gt; an, erlauben Sie den Zugriff auf Ihre E-Mails und kehren Sie dann hierher zurück.</translation>
    </message>
    <message>
        <source>Use an app password instead</source>
        <translation>Stattdessen ein App-Passwort verwenden</translation>
    </message>
    <message>
        <source>An administrator can set it for the whole team in the team preset; until then, use an app password if %1 allows one.</source>
        <translation>Ihr Administrator kann das für das ganze Team in der Teamvorgabe einrichten; bis dahin verwenden Sie ein App-Passwort, sofern %1 das erlaubt.</translation>
    </message>
    <message>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Warte auf Ihre Anmeldung im Browser …</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Sign-in failed unexpectedly: %1</source>
        <translation>Die Anmeldung ist unerwartet fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <extracomment>sign in and look, storing nothing (the wizard&apos;s team page) the DSN and CA file a team preset carries, and the user&apos;s first address</extracomment>
        <translation>Team</translation>
    </message>
    <message>
        <source>Your team&apos;s shared history: every email is kept on this computer first and copied to the team store when it can be reached, so logging never stops.</source>
        <translation>Der gemeinsame Verlauf Ihres Teams: Jede E-Mail wird zuerst auf diesem Computer gespeichert und in den Team-Speicher kopiert, sobald er erreichbar ist. So geht nichts verloren.</translation>
    </message>
    <message>
        <source>Team store</source>
        <translation>Team-Speicher</translation>
    </message>
    <message>
        <source>Join a team store</source>
        <translation>Einem Team-Speicher beitreten</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Your role:</source>
        <translation>Ihre Rolle:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>only for a private certificate authority</source>
        <translation>nur bei einer eigenen Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>teammates see contacts, dates and subjects; the text only its owner</source>
        <translation>das Team sieht Kontakte, Daten und Betreffzeilen; den Text nur, wem die E-Mail gehört</translation>
    </message>
    <message>
        <source>everyone in the team sees every email</source>
        <translation>alle im Team sehen jede E-Mail</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Abgleich läuft …</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>Auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Enter the server, your role and your password.</source>
        <translation>Bitte geben Sie Server, Rolle und Passwort ein.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Beitritt läuft …</translation>
    </message>
    <message>
        <source>Joined. Your team&apos;s history is on its way.</source>
        <translation>Beigetreten. Die Historie Ihres Teams wird geladen.</translation>
    </message>
</context>
<context>
    <name>TeamStorePage</name>
    <message>
        <source>Your team&apos;s shared history</source>
        <translation>Die gemeinsame Historie Ihres Teams</translation>
    </message>
    <message>
        <source>Your administrator set up a team store: the emails you log are copied there, and you see your teammates&apos; emails with the same customers.</source>
        <translation>Ihr Administrator hat einen Team-Speicher eingerichtet: Die E-Mails, die Sie erfassen, werden dorthin kopiert, und Sie sehen die E-Mails Ihrer Kolleginnen und Kollegen mit denselben Kunden.</translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation>Ihre &amp;Rolle:</translation>
    </message>
    <message>
        <source>One-time &amp;password:</source>
        <translation>Einmal&amp;passwort:</translation>
    </message>
    <message>
        <source>Your administrator gave you this password. It is kept in your system&apos;s keyring, nowhere else. Working offline is fine: emails wait on this computer until the team store can be reached.</source>
        <translation>Dieses Passwort haben Sie von Ihrem Administrator erhalten. Es wird im Schlüsselbund Ihres Systems aufbewahrt, nirgendwo sonst. Ohne Verbindung arbeiten geht: E-Mails warten auf diesem Computer, bis der Team-Speicher erreichbar ist.</translation>
    </message>
    <message>
        <source>Join &amp;later (in Settings › Team)</source>
        <translation>&amp;Später beitreten (unter Einstellungen › Team)</translation>
    </message>
    <message>
        <source>Team store: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Team-Speicher: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Signing in to the team store…</source>
        <translation>Anmeldung am Team-Speicher…</translation>
    </message>
    <message>
        <source>Signed in to the team store.</source>
        <translation>Am Team-Speicher angemeldet.</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly: %1</source>
        <translation>Die Anmeldung ist unerwartet fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>TestPage</name>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Replytrail signs in to receive (IMAP) and to send (SMTP), as it will when it watches your inbox.</source>
        <translation>Replytrail meldet sich zum Empfangen (IMAP) und Senden (SMTP) an, so wie später im laufenden Betrieb.</translation>
    </message>
    <message>
        <source>Trust it only if your administrator confirms this fingerprint. Replytrail will then accept exactly this certificate for this server, and warn if it ever changes.</source>
        <translation>Vertrauen Sie ihm nur, wenn Ihr Administrator diesen Fingerabdruck bestätigt. Replytrail akzeptiert dann genau dieses Zertifikat für diesen Server und warnt, falls es sich jemals ändert.</translation>
    </message>
    <message>
        <source>&amp;Test again</source>
        <translation>&amp;Erneut testen</translation>
    </message>
    <message>
        <source>Incoming mail (IMAP) — %1, port %2</source>
        <translation>Posteingang (IMAP) — %1, Port %2</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP) — %1, port %2</source>
        <translation>Postausgang (SMTP) — %1, Port %2</translation>
    </message>
    <message>
        <source>signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <source>This computer does not trust the server&apos;s certificate (%1).</source>
        <translation>Dieser Computer vertraut dem Zertifikat des Servers nicht (%1).</translation>
    </message>
    <message>
        <source>Go back to correct the password, or the user name under the advanced settings.</source>
        <translation>Gehen Sie zurück und korrigieren Sie das Passwort oder den Benutzernamen in den erweiterten Einstellungen.</translation>
    </message>
    <message>
        <source>Go back: the password page says how to get an app password.</source>
        <translation>Gehen Sie zurück: Die Passwortseite erklärt, wie Sie ein App-Passwort bekommen.</translation>
    </message>
    <message>
        <source>Go back: the password page explains the sign-in with your provider.</source>
        <translation>Gehen Sie zurück: Die Passwortseite erklärt die Anmeldung bei Ihrem Anbieter.</translation>
    </message>
    <message>
        <source>Go back to check the server names.</source>
        <translation>Gehen Sie zurück und prüfen Sie die Servernamen.</translation>
    </message>
    <message>
        <source>Go back to check the server names and ports.</source>
        <translation>Gehen Sie zurück und prüfen Sie die Servernamen und Ports.</translation>
    </message>
    <message>
        <source>Check your internet connection, or go back to check the ports, then test again.</source>
        <translation>Prüfen Sie Ihre Internetverbindung oder gehen Sie zurück und prüfen Sie die Ports; testen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Go back and enter your IMAP server, or switch IMAP on at your provider and test again.</source>
        <translation>Gehen Sie zurück und geben Sie Ihren IMAP-Server ein, oder schalten Sie IMAP bei Ihrem Anbieter ein und testen Sie erneut.</translation>
    </message>
    <message>
        <source>Switch IMAP on at your provider, then test again.</source>
        <translation>Schalten Sie IMAP bei Ihrem Anbieter ein und testen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Do not go on unless your administrator confirms that the server&apos;s certificate was changed.</source>
        <translation>Machen Sie nur weiter, wenn Ihr Administrator bestätigt, dass das Zertifikat des Servers geändert wurde.</translation>
    </message>
    <message>
        <source>Signed in. New mail is pushed at once (IDLE).</source>
        <translation>Angemeldet. Neue E-Mails kommen sofort an (IDLE).</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Signed in; sending works (TLS, AUTH).</source>
        <translation>Angemeldet; Senden funktioniert (TLS, AUTH).</translation>
    </message>
    <message>
        <source>The certificate of &lt;b&gt;%1&lt;/b&gt; is not trusted by this computer. Its SHA-256 fingerprint is:</source>
        <translation>Dieser Computer vertraut dem Zertifikat von &lt;b&gt;%1&lt;/b&gt; nicht. Sein SHA-256-Fingerabdruck lautet:</translation>
    </message>
    <message>
        <source>T&amp;rust this certificate for %1 only</source>
        <translation>Diesem Zertifikat nur für %1 &amp;vertrauen</translation>
    </message>
    <message>
        <source>Everything works.</source>
        <translation>Alles funktioniert.</translation>
    </message>
    <message>
        <source>Replytrail could not sign in.</source>
        <translation>Replytrail konnte sich nicht anmelden.</translation>
    </message>
    <message>
        <source>The test failed unexpectedly: %1</source>
        <translation>Der Test ist unerwartet fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>TimelineActions</name>
    <message>
        <source>Export contacts as CSV</source>
        <translation>Kontakte als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export as mbox</source>
        <translation>Als mbox exportieren</translation>
    </message>
    <message>
        <source>Mailbox files (*.mbox)</source>
        <translation>Postfachdateien (*.mbox)</translation>
    </message>
    <message>
        <source>Export .eml files into folder</source>
        <translation>.eml-Dateien in Ordner exportieren</translation>
    </message>
    <message>
        <source>Forget contact</source>
        <translation>Kontakt vergessen</translation>
    </message>
    <message>
        <source>Forget {who}?</source>
        <translation>{who} vergessen?</translation>
    </message>
    <message>
        <source>This permanently deletes from Replytrail&apos;s store (and from the team store, if you use one):
• the contact {email} and its {count} logged emails,
• their text, formatted versions, attachments and raw copies,
• the tracked message ids of those threads, so new replies to them are no longer logged.

Your mailbox is not touched. This cannot be undone.</source>
        <translation>Dies löscht endgültig aus dem Replytrail-Speicher (und aus dem Team-Speicher, falls Sie einen nutzen):
• den Kontakt {email} und seine {count} erfassten E-Mails,
• deren Text, formatierte Fassungen, Anhänge und Rohkopien,
• die erfassten Nachrichten-IDs dieser Unterhaltungen, sodass neue Antworten darauf nicht mehr erfasst werden.

Ihr Postfach bleibt unverändert. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The demo cannot send emails.</source>
        <translation>Die Demo kann keine E-Mails senden.</translation>
    </message>
    <message>
        <source>It shows sample data without a mail account. To write to your customers, start Replytrail without --demo and set up your account.</source>
        <translation>Sie zeigt Beispieldaten ohne E-Mail-Konto. Um Ihren Kunden zu schreiben, starten Sie Replytrail ohne --demo und richten Sie Ihr Konto ein.</translation>
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
    <message>
        <source>Awaiting reply</source>
        <translation>Wartet auf Antwort</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message numerus="yes">
        <source>%n email(s)</source>
        <translation>
            <numerusform>%n E-Mail</numerusform>
            <numerusform>%n E-Mails</numerusform>
        </translation>
    </message>
    <message>
        <source>Show or hide the thread</source>
        <translation>Unterhaltung ein- oder ausblenden</translation>
    </message>
</context>
<context>
    <name>TimelineExtras</name>
    <message>
        <source>Bring in all emails with this contact…</source>
        <translation>Alle E-Mails mit diesem Kontakt übernehmen…</translation>
    </message>
    <message>
        <source>Edit name and company…</source>
        <translation>Name und Firma bearbeiten…</translation>
    </message>
    <message>
        <source>Merge with another contact…</source>
        <translation>Mit einem anderen Kontakt zusammenführen…</translation>
    </message>
    <message>
        <source>{email} updated.</source>
        <translation>{email} wurde geändert.</translation>
    </message>
    <message>
        <source>{other} merged into {email}.</source>
        <translation>{other} wurde mit {email} zusammengeführt.</translation>
    </message>
    <message>
        <source>Match confirmed.</source>
        <translation>Zuordnung bestätigt.</translation>
    </message>
    <message>
        <source>Not part of this conversation</source>
        <translation>Gehört nicht zu dieser Unterhaltung</translation>
    </message>
    <message>
        <source>Remove “{subject}” from Replytrail? It stays in your mailbox, and Replytrail will not log it again.</source>
        <translation>„{subject}“ aus Replytrail entfernen? Die E-Mail bleibt in Ihrem Postfach, und Replytrail erfasst sie nicht noch einmal.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The email was removed.</source>
        <translation>Die E-Mail wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>TimelineMenus</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
</context>
<context>
    <name>TimelineTools</name>
    <message>
        <source>Your emails that have had no reply yet, oldest first, across all contacts</source>
        <translation>Ihre E-Mails ohne Antwort, die ältesten zuerst, über alle Kontakte</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Bring in conversations…</source>
        <translation>Unterhaltungen übernehmen…</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Bring in all emails with this contact…</source>
        <translation>Alle E-Mails mit diesem Kontakt übernehmen…</translation>
    </message>
    <message>
        <source>Edit name and company…</source>
        <translation>Name und Firma bearbeiten…</translation>
    </message>
    <message>
        <source>Merge with another contact…</source>
        <translation>Mit einem anderen Kontakt zusammenführen…</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Confirm the subject match</source>
        <translation>Zuordnung über den Betreff bestätigen</translation>
    </message>
    <message>
        <source>Not part of this conversation…</source>
        <translation>Gehört nicht zu dieser Unterhaltung…</translation>
    </message>
    <message>
        <source>Awaiting reply ({n})</source>
        <translation>Antwort ausstehend ({n})</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>Antwort ausstehend</translation>
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
        <translation>Noch keine Antworten erfasst – senden Sie eine erfasste E-Mail oder setzen Sie Ihre Erfassungsadresse in Bcc.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
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
        <extracomment>how a contact is forgotten (the app sets the team-aware one: queued for the team store)</extracomment>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>1 email found</source>
        <translation>1 E-Mail gefunden</translation>
    </message>
    <message>
        <source>{n} emails found</source>
        <translation>{n} E-Mails gefunden</translation>
    </message>
    <message>
        <source>Forgot {email}: {n} emails deleted.</source>
        <translation>{email} vergessen: {n} E-Mails gelöscht.</translation>
    </message>
    <message>
        <source>The 500 newest matches</source>
        <translation>Die 500 neuesten Treffer</translation>
    </message>
    <message>
        <source>No emails match “{query}”</source>
        <translation>Keine E-Mails zu „{query}“ gefunden</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>Kontakte</translation>
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
    <name>TrayApp</name>
    <message>
        <source>You&apos;re set up. Replytrail now logs the replies to the emails you send; they appear here within seconds.</source>
        <translation>Alles eingerichtet. Replytrail erfasst ab jetzt die Antworten auf Ihre E-Mails; sie erscheinen hier nach wenigen Sekunden.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Sign in again as %1…</source>
        <translation>Erneut anmelden als %1 …</translation>
    </message>
    <message>
        <source>Resume watching</source>
        <translation>Erfassung fortsetzen</translation>
    </message>
    <message>
        <source>Pause watching</source>
        <translation>Erfassung anhalten</translation>
    </message>
    <message>
        <source>no account set up yet; add one with Accounts…</source>
        <translation>noch kein Konto eingerichtet; fügen Sie eines unter „Konten …“ hinzu</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message numerus="yes">
        <source>watching %n account(s)</source>
        <translation>
            <numerusform>aktiv für %n Konto</numerusform>
            <numerusform>aktiv für %n Konten</numerusform>
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
    <message numerus="yes">
        <source>Hand-off to %1 failed for %n email(s)…</source>
        <translation>
            <numerusform>Übergabe an %1 für %n E-Mail fehlgeschlagen …</numerusform>
            <numerusform>Übergabe an %1 für %n E-Mails fehlgeschlagen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Team store offline since %1 — logging goes on here</source>
        <translation>Team-Speicher seit %1 nicht erreichbar – hier wird weiter erfasst</translation>
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
        <source>{n} attachment(s)</source>
        <extracomment>a --limit above this means &quot;all&quot;: SQLite takes at most a 64-bit integer</extracomment>
        <translation>{n} Anhang/Anhänge</translation>
    </message>
    <message>
        <source>{n} email(s), last {date}</source>
        <translation>{n} E-Mail(s), zuletzt {date}</translation>
    </message>
    <message>
        <source>BOUNCED</source>
        <translation>UNZUSTELLBAR</translation>
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
        <translation>{contact} vergessen: {n} E-Mail(s) samt Anhängen und erfassten IDs gelöscht.</translation>
    </message>
    <message>
        <source>No hand-off targets.</source>
        <translation>Keine Übergabeziele.</translation>
    </message>
    <message>
        <source>Hand-off to {where} saved.</source>
        <translation>Übergabe an {where} gespeichert.</translation>
    </message>
    <message>
        <source>{name} → {where}: {pending} waiting, {failed} failed</source>
        <translation>{name} → {where}: {pending} wartend, {failed} fehlgeschlagen</translation>
    </message>
    <message>
        <source>{n} entries due again.</source>
        <translation>{n} Einträge werden erneut gesendet.</translation>
    </message>
    <message>
        <source>{delivered} delivered, {retried} to retry later, {refused} refused.</source>
        <translation>{delivered} übergeben, {retried} später erneut, {refused} abgelehnt.</translation>
    </message>
    <message>
        <source>Team store {where} is up to date (schema {v}, {policy}).</source>
        <translation>Team-Speicher {where} ist aktuell (Schema {v}, {policy}).</translation>
    </message>
    <message>
        <source>Team store {where} ready: schema {old} → {v}, policy {policy}.</source>
        <translation>Team-Speicher {where} bereit: Schema {old} → {v}, Richtlinie {policy}.</translation>
    </message>
    <message>
        <source>Role {user} created. One-time password (give it to them in person, then they run &apos;replytrail team join --user {user} --password-stdin&apos;):</source>
        <translation>Rolle {user} angelegt. Einmalpasswort (persönlich übergeben; danach &apos;replytrail team join --user {user} --password-stdin&apos; ausführen):</translation>
    </message>
    <message>
        <source>Joined the team store {where} as {user} (policy {policy}); {n} email(s) queued.</source>
        <translation>Dem Team-Speicher {where} als {user} beigetreten (Richtlinie {policy}); {n} E-Mail(s) in der Warteschlange.</translation>
    </message>
    <message>
        <source>pulled {n}…</source>
        <translation>{n} empfangen …</translation>
    </message>
    <message>
        <source>Pushed {pushed}, pulled {pulled}, forgets sent {forgets}.</source>
        <translation>{pushed} gesendet, {pulled} empfangen, {forgets} Löschungen übermittelt.</translation>
    </message>
    <message>
        <source>Forgot {contact} team-wide: {n} email(s); every laptop drops them on its next pull.</source>
        <translation>{contact} im ganzen Team vergessen: {n} E-Mail(s); jeder Rechner löscht sie beim nächsten Abgleich.</translation>
    </message>
    <message>
        <source>To sign in, open {url} on any device and enter the code {code}</source>
        <translation>Öffnen Sie zur Anmeldung {url} auf einem beliebigen Gerät und geben Sie den Code {code} ein</translation>
    </message>
    <message>
        <source>Opening your browser to sign in with {provider}…</source>
        <translation>Ihr Browser öffnet sich zur Anmeldung mit {provider} …</translation>
    </message>
    <message>
        <source>If no browser opens, visit: {url}</source>
        <translation>Falls sich kein Browser öffnet, rufen Sie auf: {url}</translation>
    </message>
    <message>
        <source>Added {email} (IMAP {imap}, SMTP {smtp}), signed in with {provider}; the sign-in is kept in the system keyring.</source>
        <translation>{email} hinzugefügt (IMAP {imap}, SMTP {smtp}), angemeldet mit {provider}; die Anmeldung liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>{email} updated.</source>
        <translation>{email} wurde geändert.</translation>
    </message>
    <message>
        <source>{other} merged into {email}: {n} emails moved.</source>
        <translation>{other} wurde mit {email} zusammengeführt: {n} E-Mails verschoben.</translation>
    </message>
    <message>
        <source>Match confirmed.</source>
        <translation>Zuordnung bestätigt.</translation>
    </message>
    <message>
        <source>The email was taken out and will not be logged again.</source>
        <translation>Die E-Mail wurde entfernt und wird nicht noch einmal erfasst.</translation>
    </message>
    <message>
        <source>Reminder set for {when}.</source>
        <translation>Erinnerung am {when}.</translation>
    </message>
    <message>
        <source>{account}: {emails} emails in {threads} threads brought in ({scanned} checked)</source>
        <translation>{account}: {emails} E-Mails in {threads} Unterhaltungen übernommen ({scanned} geprüft)</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(angehalten)</translation>
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
        <source>{path} (team preset {preset})</source>
        <translation>{path} (Team-Vorgabe {preset})</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>{path} (schema {schema}, {emails} emails, {contacts} contacts, {removed} orphaned files removed)</source>
        <translation>{path} (Schema {schema}, {emails} E-Mails, {contacts} Kontakte, {removed} verwaiste Dateien entfernt)</translation>
    </message>
    <message>
        <source>{path} (schema {schema}, {emails} emails, {contacts} contacts)</source>
        <translation>{path} (Schema {schema}, {emails} E-Mails, {contacts} Kontakte)</translation>
    </message>
    <message>
        <source>store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>PostgreSQL {version}, {database} as {user}, TLS</source>
        <translation>PostgreSQL {version}, {database} als {user}, TLS</translation>
    </message>
    <message>
        <source>PostgreSQL {version}, {database} as {user}, no TLS (this machine)</source>
        <translation>PostgreSQL {version}, {database} als {user}, ohne TLS (dieser Rechner)</translation>
    </message>
    <message>
        <source>team store</source>
        <translation>Team-Datenbank</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>{host}:{port}, TLS verified, IDLE yes</source>
        <translation>{host}:{port}, TLS geprüft, IDLE ja</translation>
    </message>
    <message>
        <source>{host}:{port}, TLS verified, no IDLE (polling)</source>
        <translation>{host}:{port}, TLS geprüft, kein IDLE (Abfrage jede Minute)</translation>
    </message>
    <message>
        <source>{host}:{port}, TLS verified, login ok</source>
        <translation>{host}:{port}, TLS geprüft, Anmeldung in Ordnung</translation>
    </message>
    <message>
        <source>{user} on {server}, TLS verified, policy {policy}, schema {schema}, {outbox} waiting to be sent</source>
        <translation>{user} auf {server}, TLS geprüft, Richtlinie {policy}, Schema {schema}, {outbox} warten auf Versand</translation>
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
        <translation>{value!r} ist kein SHA-256-Fingerabdruck.</translation>
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
        <source>No accounts: add one with &apos;replytrail account add&apos;.</source>
        <translation>Kein Konto eingerichtet: Fügen Sie eines mit „replytrail account add“ hinzu.</translation>
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
        <translation>Noch kein Konto eingerichtet: Fügen Sie eines mit „replytrail account add“ hinzu.</translation>
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
        <extracomment>written into the bundle&apos;s resources by ``./dev package`` (never committed) preset tables that are not settings</extracomment>
        <translation>Die Einstellungsdatei {path} ist beschädigt: {detail}</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {detail}</source>
        <translation>Die Einstellungsdatei {path} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>The policy {origin} is broken: {detail}</source>
        <extracomment>every value name read under REGISTRY_KEY (and, but for &quot;servers&quot;, under its Locked subkey) a registry reader: (subkey or &quot;&quot;, ) -&gt; {value name: value}; None when the key is absent</extracomment>
        <translation>Die Richtlinie {origin} ist fehlerhaft: {detail}</translation>
    </message>
    <message>
        <source>Unknown setting {key}; &apos;replytrail config list&apos; shows them all.</source>
        <extracomment>the team preset with the policy&apos;s server presets merged over its ``[servers]``</extracomment>
        <translation>Unbekannte Einstellung {key}; „replytrail config list“ zeigt alle Einstellungen.</translation>
    </message>
    <message>
        <source>{key} is set by your administrator and cannot be changed.</source>
        <translation>{key} ist von Ihrem Administrator festgelegt und lässt sich nicht ändern.</translation>
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
        <source>Disk full: Replytrail cannot log new replies until space is freed</source>
        <translation>Datenträger voll: Replytrail kann erst wieder erfassen, wenn Platz frei ist</translation>
    </message>
    <message>
        <source>The team store {where} cannot be reached: {detail}</source>
        <translation>Der Team-Speicher {where} ist nicht erreichbar: {detail}</translation>
    </message>
    <message>
        <source>The mail server did not accept {address}. Check the address. ({reason})</source>
        <translation>Der Mailserver hat {address} nicht angenommen. Bitte prüfen Sie die Adresse. ({reason})</translation>
    </message>
    <message>
        <source>{host} does not offer STARTTLS on port {port}; Replytrail never sends a password unencrypted. Use port 993 with SSL/TLS.</source>
        <extracomment>a command&apos;s reply may pause this long (seconds) before the connection counts as dead ending IDLE answers at once on a live connection; a dead one must not hold the watcher TCP keepalive (idle s, interval s, probes): a silently dead connection (a NAT mapping gone, packets dropped) is noticed by the kernel within idle + interval × probes = 95 s (measured under load: &lt; 120 s end to end), while the app itself stays asleep; TCP_USER_TIMEOUT caps unacknowledged data the same way a password or token, or something that gives one at login time (a token source also has ``refreshed()``: a new token when the server refused the cached one)</extracomment>
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
        <extracomment>IMAP hosts whose provider files SMTP-sent mail in Sent itself (X-GM-EXT-1 at send time)</extracomment>
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
    <message>
        <source>The team store {where} answers without TLS; Replytrail sends nothing unencrypted to another machine. Ask your administrator to enable SSL (sslmode=verify-full).</source>
        <translation>Die Team-Datenbank {where} antwortet ohne TLS; Replytrail sendet nichts unverschlüsselt an einen anderen Rechner. Bitten Sie Ihre Administration, SSL einzuschalten (sslmode=verify-full).</translation>
    </message>
    <message>
        <source>A webhook needs a signing secret: pass it with --secret-stdin.</source>
        <translation>Ein Webhook braucht einen Signaturschlüssel: Übergeben Sie ihn mit --secret-stdin.</translation>
    </message>
    <message>
        <source>The signing secret needs at least 16 characters.</source>
        <translation>Der Signaturschlüssel braucht mindestens 16 Zeichen.</translation>
    </message>
    <message>
        <source>No hand-off target named {name}.</source>
        <translation>Kein Übergabeziel namens {name}.</translation>
    </message>
    <message>
        <source>{where} refused the hand-off: {detail}</source>
        <extracomment>what a target receives: customer replies / replies and auto-replies / everything logged</extracomment>
        <translation>{where} hat die Übergabe abgelehnt: {detail}</translation>
    </message>
    <message>
        <source>A hand-off target&apos;s name uses lower-case letters, digits, - and _ (not {name!r}).</source>
        <translation>Der Name eines Übergabeziels besteht aus Kleinbuchstaben, Ziffern, - und _ (nicht {name!r}).</translation>
    </message>
    <message>
        <source>The hand-off target {name} has an unknown setting.</source>
        <translation>Das Übergabeziel {name} hat eine unbekannte Einstellung.</translation>
    </message>
    <message>
        <source>{value!r} is not an email address.</source>
        <translation>{value!r} ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>A webhook needs an https:// address (not {value!r}).</source>
        <translation>Ein Webhook braucht eine https://-Adresse (nicht {value!r}).</translation>
    </message>
    <message>
        <source>The hand-off settings are broken: {detail}</source>
        <translation>Die Übergabe-Einstellungen sind beschädigt: {detail}</translation>
    </message>
    <message>
        <source>Give the team store with --dsn.</source>
        <translation>Geben Sie den Team-Speicher mit --dsn an.</translation>
    </message>
    <message>
        <source>team join needs --dsn (or a team preset), --user and a password on stdin.</source>
        <translation>team join braucht --dsn (oder eine Team-Vorgabe), --user und ein Passwort über stdin.</translation>
    </message>
    <message>
        <source>This laptop is in no team yet: run &apos;replytrail team join&apos; first.</source>
        <translation>Dieser Rechner gehört noch zu keinem Team: Führen Sie zuerst &apos;replytrail team join&apos; aus.</translation>
    </message>
    <message>
        <source>Only a team administrator can forget a contact team-wide.</source>
        <translation>Nur eine Team-Administration kann einen Kontakt im ganzen Team vergessen.</translation>
    </message>
    <message>
        <source>Unknown team policy {policy}: use {choices}.</source>
        <translation>Unbekannte Team-Richtlinie {policy}: Verwenden Sie {choices}.</translation>
    </message>
    <message>
        <source>{email} is not an email address a role can carry.</source>
        <translation>{email} ist keine E-Mail-Adresse, die als Rolle taugt.</translation>
    </message>
    <message>
        <source>{where} is not a Replytrail team store yet: the administrator runs &apos;replytrail team init&apos; first.</source>
        <translation>{where} ist noch kein Replytrail-Team-Speicher: Die Administration führt zuerst &apos;replytrail team init&apos; aus.</translation>
    </message>
    <message>
        <source>--oauth signs in without a password: drop --password-stdin.</source>
        <translation>--oauth meldet sich ohne Passwort an: Lassen Sie --password-stdin weg.</translation>
    </message>
    <message>
        <source>The sign-in for {email} is no longer valid (it was revoked or has expired): choose “Sign in again”.</source>
        <translation>Die Anmeldung für {email} gilt nicht mehr (sie wurde widerrufen oder ist abgelaufen): Wählen Sie „Erneut anmelden“.</translation>
    </message>
    <message>
        <source>You signed in as {chosen} in the browser, but this account is {email}: sign in again and pick {email}.</source>
        <translation>Sie haben sich im Browser als {chosen} angemeldet, dieses Konto ist aber {email}: Melden Sie sich erneut an und wählen Sie {email}.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s administrator must first allow Replytrail to read and send mail ({provider}: admin consent). Ask them, then sign in again.</source>
        <translation>Der Administrator Ihrer Organisation muss Replytrail zuerst erlauben, E-Mails zu lesen und zu senden ({provider}: Administratorzustimmung). Fragen Sie ihn und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Sending is switched off for {email}: {provider} has SMTP AUTH disabled for this mailbox. Your administrator can enable “Authenticated SMTP” for it.</source>
        <translation>Senden ist für {email} ausgeschaltet: {provider} hat SMTP AUTH für dieses Postfach deaktiviert. Ihr Administrator kann dafür „Authenticated SMTP“ einschalten.</translation>
    </message>
    <message>
        <source>Sign-in with {provider} did not work: {detail}</source>
        <translation>Die Anmeldung mit {provider} hat nicht geklappt: {detail}</translation>
    </message>
    <message>
        <source>Sign-in with {provider} was cancelled or took too long; nothing was saved.</source>
        <translation>Die Anmeldung mit {provider} wurde abgebrochen oder hat zu lange gedauert; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Sign-in with {provider} needs a client id, and none is configured. Register an app at {register_url} (public client, redirect URI http://127.0.0.1, mail permissions) and set its id with: replytrail config set {setting} ID (docs/oauth.md has the steps).</source>
        <translation>Die Anmeldung mit {provider} braucht eine Client-ID, und es ist keine eingerichtet. Registrieren Sie eine App unter {register_url} (öffentlicher Client, Weiterleitungs-URI http://127.0.0.1, E-Mail-Berechtigungen) und setzen Sie ihre ID mit: replytrail config set {setting} ID (die Schritte stehen in docs/oauth.md).</translation>
    </message>
    <message>
        <source>{provider}&apos;s sign-in service cannot be reached right now ({detail}); Replytrail tries again by itself.</source>
        <translation>Der Anmeldedienst von {provider} ist gerade nicht erreichbar ({detail}); Replytrail versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>{host} could not check the sign-in just now (temporary failure); Replytrail tries again by itself.</source>
        <translation>{host} konnte die Anmeldung gerade nicht prüfen (vorübergehender Fehler); Replytrail versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>Unknown sign-in provider {name!r}; Replytrail knows: {known}.</source>
        <translation>Unbekannter Anmeldeanbieter {name!r}; Replytrail kennt: {known}.</translation>
    </message>
    <message>
        <source>No sign-in provider is known for {email}: add the account again.</source>
        <translation>Für {email} ist kein Anmeldeanbieter bekannt: Fügen Sie das Konto erneut hinzu.</translation>
    </message>
    <message>
        <source>A sign-in provider is configured wrongly: {detail}</source>
        <translation>Ein Anmeldeanbieter ist falsch eingerichtet: {detail}</translation>
    </message>
    <message>
        <source>The export to {path} failed: {detail}</source>
        <translation>Der Export nach {path} ist fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>The folder {path} cannot be used: {reason}</source>
        <translation>Der Ordner {path} kann nicht verwendet werden: {reason}</translation>
    </message>
    <message>
        <source>Give --name and/or --company.</source>
        <translation>Geben Sie --name und/oder --company an.</translation>
    </message>
    <message>
        <source>No such email: {message_id}.</source>
        <translation>Diese E-Mail gibt es nicht: {message_id}.</translation>
    </message>
    <message>
        <source>That email was not matched by subject.</source>
        <translation>Diese E-Mail wurde nicht über den Betreff zugeordnet.</translation>
    </message>
    <message>
        <source>No email of yours with the Message-ID {message_id}.</source>
        <translation>Keine E-Mail von Ihnen mit der Message-ID {message_id}.</translation>
    </message>
    <message>
        <source>There is no contact {email}.</source>
        <extracomment>outbox ops for the team store; the payload is JSON (see :func:`_queue`) this laptop is in a team (``membership.joined``): edits and merges are queued for the team store in the outbox, in the same transaction as the local change</extracomment>
        <translation>Es gibt keinen Kontakt {email}.</translation>
    </message>
    <message>
        <source>{email} is already part of this contact.</source>
        <translation>{email} gehört schon zu diesem Kontakt.</translation>
    </message>
    <message>
        <source>it is self-signed</source>
        <translation>es ist selbst signiert</translation>
    </message>
    <message>
        <source>it is signed by an authority this computer does not know</source>
        <translation>es ist von einer Stelle signiert, die dieser Computer nicht kennt</translation>
    </message>
    <message>
        <source>it has expired</source>
        <translation>es ist abgelaufen</translation>
    </message>
    <message>
        <source>it is not valid yet</source>
        <translation>es ist noch nicht gültig</translation>
    </message>
    <message>
        <source>it was revoked</source>
        <translation>es wurde widerrufen</translation>
    </message>
    <message>
        <source>it is made out for another server name</source>
        <translation>es ist auf einen anderen Servernamen ausgestellt</translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation>es ließ sich nicht prüfen</translation>
    </message>
</context>
<context>
    <name>handoff</name>
    <message>
        <source>In HubSpot: Settings › General › Email › Log — copy the forwarding address.</source>
        <translation>In HubSpot: Einstellungen › Allgemein › E-Mail › Protokoll – die Weiterleitungsadresse kopieren.</translation>
    </message>
    <message>
        <source>In Pipedrive: Personal preferences › Email sync › Smart Email BCC.</source>
        <translation>In Pipedrive: Persönliche Einstellungen › E-Mail-Synchronisierung › Smart Email BCC.</translation>
    </message>
    <message>
        <source>In Odoo: the mail alias of your CRM team (CRM › Configuration › Sales Teams).</source>
        <translation>In Odoo: der E-Mail-Alias Ihres Vertriebsteams (CRM › Konfiguration › Verkaufsteams).</translation>
    </message>
    <message>
        <source>In Zoho CRM: Setup › Channels › Email › BCC Dropbox.</source>
        <translation>In Zoho CRM: Setup › Kanäle › E-Mail › BCC-Dropbox.</translation>
    </message>
    <message>
        <source>In Salesforce: Settings › Email › My Email to Salesforce — your address.</source>
        <translation>In Salesforce: Einstellungen › E-Mail › Meine E-Mail an Salesforce – Ihre Adresse.</translation>
    </message>
</context>
<context>
    <name>oauth</name>
    <message>
        <source>Signed in – go back to Replytrail</source>
        <translation>Angemeldet – zurück zu Replytrail</translation>
    </message>
    <message>
        <source>Replytrail has what it needs. You can close this tab now.</source>
        <translation>Replytrail hat, was es braucht. Sie können diesen Tab jetzt schließen.</translation>
    </message>
    <message>
        <source>Sign-in did not finish</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Go back to Replytrail: it says what happened and what to do.</source>
        <translation>Gehen Sie zurück zu Replytrail: Dort steht, was passiert ist und was zu tun ist.</translation>
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
<context>
    <name>session</name>
    <message>
        <source>There is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is set). Without a desktop, run &apos;replytrail watch&apos; instead.</source>
        <extracomment>libraries Qt&apos;s xcb plugin links that a minimal Debian lacks → the package to install platforms that need no display (tests, screenshots, VNC)</extracomment>
        <translation>Hier läuft keine grafische Sitzung (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Ohne Desktop verwenden Sie stattdessen &apos;replytrail watch&apos;.</translation>
    </message>
    <message>
        <source>Qt cannot use the X11 display: the library {lib} is missing or broken.</source>
        <translation>Qt kann die X11-Anzeige nicht nutzen: Die Bibliothek {lib} fehlt oder ist beschädigt.</translation>
    </message>
    <message>
        <source>Qt cannot use the X11 display: the library {lib} is missing. Install the Debian package {package} (sudo apt install {package}).</source>
        <translation>Qt kann die X11-Anzeige nicht nutzen: Die Bibliothek {lib} fehlt. Installieren Sie das Debian-Paket {package} (sudo apt install {package}).</translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>team store</source>
        <translation>Team-Speicher</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>offline since {since}</source>
        <translation>nicht erreichbar seit {since}</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>warten auf Versand</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>vom Server abgelehnt</translation>
    </message>
    <message>
        <source>last sent</source>
        <translation>zuletzt gesendet</translation>
    </message>
    <message>
        <source>last received</source>
        <translation>zuletzt empfangen</translation>
    </message>
    <message>
        <source>last error</source>
        <translation>letzter Fehler</translation>
    </message>
</context>
<context>
    <name>watch</name>
    <message>
        <source>logging again</source>
        <translation>erfasst wieder</translation>
    </message>
</context>
</TS>

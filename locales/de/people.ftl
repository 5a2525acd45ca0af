## Seiten für Menschen: Startseite, Konten, Hinweise, Fehler, Über uns, Prüfen,
## öffentliche Liste, Liste der Fälle und die Weiterleitungsseite für Verbraucher.

## Startseite (home)

home-title = Einen Streitfall mit einem Unternehmen beilegen
home-intro = { $entity } hilft Verbrauchern und Unternehmen, Streitfälle ohne Gericht beizulegen. Wenn ein Unternehmen Ihre Beschwerde nicht gelöst hat, können Sie sie hier einreichen.
home-no-lawyer = Sie brauchen keinen Anwalt.
home-your-rights = Sie können sich von einer Person Ihrer Wahl vertreten oder unterstützen lassen. Sie können jederzeit zurücktreten, und Ihre Teilnahme hindert Sie nicht daran, vor Gericht zu gehen.
home-about-link = So arbeiten wir
# Folgt direkt auf den Link „So arbeiten wir“ (ohne Leerzeichen dazwischen).
home-about-after = : wer unsere Schlichter sind, unsere Regeln, Gebühren, Fristen und was ein Ergebnis für Sie bedeutet.
home-verify-link = Prüfen Sie einen Nachweis
# Folgt direkt auf den Link „Prüfen Sie einen Nachweis“ (ohne Leerzeichen dazwischen).
home-verify-after = , den wir ausgestellt haben.
home-procedures = Verfahren
home-procedure-free = { $name }: Sprachen { $languages }; Ergebnis innerhalb von { $days } Tagen nach vollständiger Akte; für Verbraucher kostenlos.
home-procedure-fee = { $name }: Sprachen { $languages }; Ergebnis innerhalb von { $days } Tagen nach vollständiger Akte; für Verbraucher { $fee }.

## Anmelden

login-title = Anmelden
login-notice-registered = Ihr Konto ist eingerichtet. Wir haben Ihnen einen Link geschickt, um Ihre E-Mail-Adresse zu bestätigen; Sie können sich jetzt anmelden.
login-notice-reset = Ihr neues Passwort ist gespeichert. Bitte melden Sie sich damit an.
login-notice-welcome = Ihr Konto ist eingerichtet. Bitte melden Sie sich an.
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-no-account = Noch kein Konto?
login-register-link = Legen Sie eines an
login-forgot = Passwort vergessen?
login-forgot-link = Wählen Sie ein neues

## Registrieren

register-title = Ein Konto anlegen
register-intro = Um eine Beschwerde gegen ein Unternehmen einzureichen, brauchen Sie ein Konto. Das Einreichen ist kostenlos, und Sie brauchen keinen Anwalt.
register-name = Ihr Name
register-email = E-Mail-Adresse
register-password = Passwort (mindestens 12 Zeichen)
register-language = Sprache
register-submit = Konto anlegen
register-already = Schon registriert?
register-login-link = Anmelden

## Passwort vergessen

forgot-password-title = Passwort vergessen?
forgot-password-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wenn es dazu ein Konto gibt, senden wir einen Link, mit dem Sie ein neues Passwort wählen können; der Link ist eine Stunde lang gültig.
forgot-password-email = E-Mail-Adresse
forgot-password-submit = Link senden

## Ein Passwort wählen (Link zum Zurücksetzen und Einladung)

choose-password-title-reset = Wählen Sie ein neues Passwort
choose-password-title-invitation = Willkommen: Richten Sie Ihr Konto ein
choose-password-name = Ihr Name
choose-password-password = Neues Passwort
choose-password-hint = (mindestens 12 Zeichen; einige Wörter, die nichts miteinander zu tun haben, eignen sich gut)
choose-password-button-reset = Neues Passwort speichern
choose-password-button-invitation = Speichern und weiter

## E-Mail-Adresse bestätigen

confirm-email-title = Bestätigen Sie Ihre E-Mail-Adresse
confirm-email-intro = Bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört, damit Hinweise zu Ihren Fällen Sie erreichen.
confirm-email-submit = Meine E-Mail-Adresse bestätigen

## Konto

account-title = Ihr Konto
account-notice-sent = Wir haben einen neuen Bestätigungslink an Ihre E-Mail-Adresse geschickt.
account-name = Name
account-email = E-Mail-Adresse
account-confirmed = (bestätigt)
account-not-confirmed = (noch nicht bestätigt)
account-role-label = Rolle
account-role-public = Öffentlichkeit
account-role-consumer = Verbraucher
account-role-company = Unternehmen
account-role-neutral = Schlichter
account-role-staff = Mitarbeiter
account-role-system = System
account-language = Sprache
account-confirmation-sent = Wir haben Ihnen einen Link geschickt, um Ihre Adresse zu bestätigen.
account-confirmation-resend = Link erneut senden
account-conflicts = Gemeldete Interessenkonflikte
account-conflicts-intro = Sie werden nie einem Fall gegen ein Unternehmen oder einen Verbraucher zugewiesen, die hier aufgeführt sind.
account-conflicts-none = Keine gemeldet.
account-conflict-with = Name des Unternehmens oder E-Mail-Adresse eines Verbrauchers
account-conflict-reason = Grund (zum Beispiel: früherer Arbeitgeber, ein Verwandter)
account-conflict-submit = Interessenkonflikt melden
account-training = Fortbildung
account-training-intro = Die Fortbildungen, die Sie abgeschlossen haben; der Tätigkeitsbericht der Stelle zählt sie mit.
account-training-completed = Abgeschlossen
account-training-hours = Stunden
account-training-course = Kurs
account-training-provider = Anbieter
account-training-none = Noch keine erfasst.
account-training-completed-on = Abgeschlossen am
account-training-submit = Fortbildung erfassen
account-data = Ihre Daten
account-export-link = Alle meine Daten herunterladen
# Folgt direkt auf den Link „Alle meine Daten herunterladen“ (ohne Leerzeichen dazwischen).
account-export-after = : eine ZIP-Datei mit allem, was wir über Sie gespeichert haben, und den Dateien, die Sie hochgeladen haben, zum Aufbewahren oder Mitnehmen.
# $cases: die Aktenzeichen der offenen Fälle.
account-erasure-pending = Sie haben uns gebeten, Ihre Daten zu löschen. Sie werden gelöscht, sobald Ihre offenen Fälle ({ $cases }) abgeschlossen sind; bis dahin erlaubt uns das Gesetz, aufzubewahren, was diese Fälle brauchen.
account-erasure-intro = Mein Konto und meine personenbezogenen Daten löschen. Wenn Sie offene Fälle haben, bewahren wir auf, was diese brauchen, bis sie abgeschlossen sind, und löschen es dann.
account-erasure-confirm = Ich verstehe, dass dies nicht rückgängig gemacht werden kann.
account-erasure-submit = Meine Daten löschen
account-logout = Abmelden

## Hinweise (die Seite, nachdem ein Schritt erledigt ist)

notice-erased-title = Ihre Daten sind gelöscht
notice-erased-message = Ihr Konto und Ihre personenbezogenen Daten sind gelöscht. Fallakten, die wir gesetzlich aufbewahren müssen, enthalten Ihren Namen und Ihre Kontaktdaten nicht mehr.
notice-email-confirmed-title = E-Mail-Adresse bestätigt
notice-email-confirmed-message = Vielen Dank: Ihre E-Mail-Adresse ist bestätigt. Hinweise zu Ihren Fällen erreichen Sie dort.
notice-email-confirmed-next = Zu Ihrem Konto
notice-reset-sent-title = Sehen Sie in Ihren E-Mails nach
notice-reset-sent-message = Wenn es zu dieser Adresse ein Konto gibt, haben wir ihr einen Link geschickt, mit dem Sie ein neues Passwort wählen können. Der Link ist eine Stunde lang gültig.
notice-reset-sent-next = Zurück zur Anmeldung
notice-referral-filed-title = Ihr Fall ist eingereicht
notice-referral-filed-message = Ihre Beschwerde ist jetzt der Fall { $reference }. Wir prüfen, ob wir ihn bearbeiten können, und informieren Sie per E-Mail. Wenn Sie noch kein Konto bei uns hatten, haben wir Ihnen einen Link geschickt, um ein Passwort zu wählen, damit Sie den Fall hier verfolgen können.
notice-referral-filed-next = Melden Sie sich an, um Ihren Fall zu verfolgen
notice-referral-declined-title = Sie haben abgelehnt
notice-referral-declined-message = Wir haben dem Unternehmen mitgeteilt, dass Sie diese Beschwerde nicht bei uns einreichen. Sie können jederzeit selbst eine Beschwerde einreichen.
notice-referral-declined-next = Zurück zum Anfang

## Fehlerseite

error-back = Zurück zur Startseite
error-title-400 = Ungültige Anfrage
error-title-401 = Anmeldung erforderlich
error-title-403 = Kein Zugriff
error-title-404 = Nicht gefunden
error-title-405 = Methode nicht erlaubt
error-title-409 = Konflikt
error-title-410 = Nicht mehr verfügbar
error-title-413 = Zu groß
error-title-415 = Format nicht unterstützt
error-title-422 = Ungültige Eingabe
error-title-429 = Zu viele Anfragen
error-title-500 = Interner Fehler
error-title-503 = Dienst nicht verfügbar
error-title-other = Fehler

## Über uns: so arbeiten wir

about-title = So arbeiten wir
# Folgt auf den Namen, das Land und die Website der Stelle.
about-intro = legt Streitfälle zwischen Verbrauchern und Unternehmen außergerichtlich bei. Das Folgende wird aus den Regeln erstellt, nach denen das Portal arbeitet, und aus den eigenen Angaben der Schlichter.
about-who = Wer Ihren Fall bearbeitet
about-neutral = Schlichter
about-kind = Art
about-languages = Sprachen
about-fields = Fachgebiete
about-employed-by = Angestellt oder bezahlt von
about-mandate = Mandat
about-employed-by-entity = der Stelle
about-no-neutral = Noch ist kein Schlichter tätig.
about-how-long = Wie lange es dauert
about-average = Im Durchschnitt { $days } Tage von der vollständigen Akte bis zum Abschluss des Falls, gemessen an den letzten { $cases } abgeschlossenen Fällen.
about-no-case-closed = Es wurde noch kein Fall abgeschlossen.
about-procedure = { $name } ({ $id }, Version { $version })
about-fee = Gebühr
about-time-limits = Fristen
about-time-limits-text = eine Entscheidung über die Zulässigkeit innerhalb von { $admissibility } Tagen nach vollständiger Akte; das Unternehmen antwortet innerhalb von { $answer } Werktagen; ein Ergebnis innerhalb von { $outcome } Tagen; höchstens { $rounds } Verhandlungsrunden; { $reflection } Tage Bedenkzeit nach einem Vergleich
about-taking-part = Teilnahme
about-taking-part-mandatory = das Unternehmen muss teilnehmen; nur der Verbraucher kann zurücktreten
about-taking-part-voluntary = freiwillig für beide Seiten; jede kann jederzeit zurücktreten
about-legal-effect = Rechtswirkung
about-refusal-grounds = Ein Fall darf nur abgelehnt werden, wenn:

## Einen Nachweis prüfen

verify-title = Einen Nachweis prüfen
verify-intro = Jeder Nachweis über einen Vergleich oder ein Ergebnis, den Redress ausstellt, ist ein PDF, das mit dem Schlüssel der Stelle versiegelt ist. Wählen Sie einen aus, um zu prüfen, ob er echt und unverändert ist. Die Datei wird geprüft und nicht gespeichert.
verify-result = Ergebnis
verify-valid = Gültiger Nachweis
# Vor dem Aktenzeichen des Falls (fett).
verify-valid-before = Dieser Nachweis zum Fall
# Nach dem Aktenzeichen des Falls.
verify-valid-after = ({ $kind }, Ergebnis { $outcome }) wurde am { $issued } mit dem Schlüssel { $key } signiert und nicht verändert.
verify-on-file = Es ist der Nachweis, den Redress für diesen Fall ausgestellt hat, und das Prüfprotokoll enthält seinen Eintrag noch.
verify-not-on-file = Dieses Portal führt den Fall nicht; die Signatur und der Prüfnachweis im Dokument sind in Ordnung.
verify-sha = SHA-256 des Nachweises:
verify-invalid = Nicht gültig
verify-file = Der Nachweis (PDF)
verify-submit = Prüfen
verify-problem-expired = Dieses Formular ist abgelaufen. Bitte versuchen Sie es erneut.
verify-problem-too-large = Die Datei ist größer, als ein Nachweis sein kann.
verify-problem-no-file = Wählen Sie die PDF-Datei des Nachweises aus.
# Vor „POST /api/v1/verify“.
verify-developers = Für Entwickler:
# Nach „POST /api/v1/verify“, vor der Adresse der Schlüssel.
verify-developers-text = mit dem PDF oder dem signierten Nachweis als JSON; die Schlüssel sind veröffentlicht unter

## Öffentliche Beschwerden

public-cases-title = Öffentliche Beschwerden
public-cases-intro = Beschwerden, die ihre Verfasser nach einer Moderation veröffentlichen wollten. Namen, E-Mail-Adressen, Telefonnummern und Bankkonten werden nicht angezeigt.
public-cases-asks-for = verlangt:
public-cases-status = Stand:
public-cases-older = Ältere Beschwerden
public-cases-none = Noch keine öffentlichen Beschwerden.

## Liste der Fälle

cases-file-link = Eine Beschwerde gegen ein Unternehmen einreichen
cases-case = Fall
cases-company = Unternehmen
cases-status = Stand
cases-claim = Forderung
cases-filed = Eingereicht
cases-older = Ältere Fälle
cases-none = Hier gibt es noch keine Fälle.

## Ein Unternehmen leitet die Beschwerde des Verbrauchers weiter

referral-title = { $company } leitet Ihre Beschwerde weiter
referral-intro = { $company } konnte Ihre Beschwerde im eigenen Verfahren nicht beilegen und bietet an, sie hier von einer unabhängigen Stelle bearbeiten zu lassen. { $company } nimmt teil. Sie entscheiden: Übernehmen Sie die Beschwerde, mit allem, was Sie ergänzen möchten, oder lehnen Sie ab.
referral-sent-us = Was { $company } uns geschickt hat
referral-their-reference = Deren Aktenzeichen
referral-complained-on = Sie haben sich beschwert am
referral-asked = Was Sie verlangt haben
referral-offered = Was { $company } angeboten hat
referral-final-answer = Die abschließende Antwort
referral-you-ask = Was Sie verlangen
referral-documents = Dokumente, die { $company } geschickt hat
referral-documents-note = Sie kommen in Ihre Fallakte, wenn Sie die Beschwerde übernehmen.
referral-take-on = Die Beschwerde bei uns einreichen
referral-addition = Etwas zu ergänzen oder zu berichtigen, in Ihren eigenen Worten (freiwillig)
referral-remedy-refund = Erstattung
referral-remedy-repair = Reparatur
referral-remedy-replacement = Ersatz
referral-remedy-discount = Preisnachlass
referral-remedy-apology = Entschuldigung
referral-remedy-other = Etwas anderes
referral-amount = Betrag, den Sie fordern ({ $currency }; leer lassen, um { $amount } beizubehalten)
referral-public = Meine Beschwerde nach einer Moderation veröffentlichen, ohne meinen Namen und meine Kontaktdaten
referral-confirm-submit = Meine Beschwerde bei der Schlichtungsstelle einreichen
referral-decline = Ablehnen
referral-decline-reason = Grund, wenn Sie ihn nennen möchten ({ $company } liest ihn)
referral-decline-submit = Nein, ich verfolge das hier nicht weiter
referral-open-until = Diese Einladung gilt bis { $date }.
referral-closed-confirmed = Sie haben diese Beschwerde übernommen: Sie ist jetzt ein Fall. Melden Sie sich an, um ihn zu verfolgen.
referral-closed-declined = Sie haben diese Einladung abgelehnt.
referral-closed-expired = Diese Einladung ist abgelaufen. Sie können weiterhin selbst eine Beschwerde einreichen.
cases-caption-consumer = Ihre Fälle
cases-caption-company = Die Fälle Ihres Unternehmens
cases-caption-neutral = Ihre Akten
cases-caption-all = Alle Fälle
cases-by-deadline = (die nächste Frist zuerst)
cases-next-deadline = Nächste Frist

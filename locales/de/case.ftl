## Die Fallakte (case.html.hbs), das Beschwerdeformular (case_new.html.hbs) und die Erklärung
## des Schlichters (declaration.html.hbs).

case-title = Fall { $reference }
case-done = Erledigt. Alle Beteiligten wurden informiert.

## Fallakte: die Eingangsbestätigung nach dem Einreichen

case-ack-label = Eingangsbestätigung
case-registered = Ihr Fall ist registriert
case-your-reference = Ihr Aktenzeichen lautet
case-registered-next = Wir haben eine Eingangsbestätigung an Ihre E-Mail-Adresse geschickt; bitte bewahren Sie sie auf. Wir informieren Sie und das Unternehmen bei jedem Schritt. Sie können sich jederzeit zurückziehen, und die Teilnahme hindert Sie nicht daran, vor Gericht zu gehen.

## Fallakte: die Angaben

case-dt-status = Stand
case-dt-company = Unternehmen
case-dt-kind = Art
case-dt-claim = Forderung
case-dt-filed = Eingereicht
case-dt-procedure = Verfahren

case-status-submitted = eingereicht
case-status-incomplete = unvollständig
case-status-complete = vollständig
case-status-refused = abgelehnt
case-status-accepted = angenommen
case-status-assigned = einem Schlichter zugewiesen
case-status-negotiating = in Verhandlung
case-status-agreed = Einigung erzielt, Bedenkzeit läuft
case-status-settled = durch Vergleich beigelegt
case-status-not_settled = kein Vergleich
case-status-withdrawn = zurückgezogen
case-status-lapsed = verfallen
case-status-closed = abgeschlossen
case-status-archived = archiviert

case-type-complaint = Beschwerde
case-type-incident = Vorfall

case-remedy-refund = Erstattung
case-remedy-repair = Reparatur
case-remedy-replacement = Ersatz
case-remedy-discount = Preisnachlass
case-remedy-apology = Entschuldigung
case-remedy-other = etwas anderes

case-channel-web = Website
case-channel-api = API
case-channel-post = Post
case-channel-phone = Telefon
case-channel-referral = Weiterleitung

case-download = Laden Sie die ganze Fallakte herunter, um sie aufzubewahren:
case-what-happened = Was passiert ist
case-missing = Fehlende Angaben

## Fallakte: das unterzeichnete Protokoll

case-record = Unterzeichnetes Protokoll
case-record-intro = Das { $kind ->
        [settlement] Vergleichsprotokoll
       *[other] Ergebnisprotokoll
    } dieses Falls, von der Schlichtungsstelle unterzeichnet:
case-record-download = PDF herunterladen
case-record-hash = SHA-256 des Protokolls
case-record-keep = Bewahren Sie es auf; jeder kann es prüfen unter

## Fallakte: Fristen

case-deadlines = Fristen
case-deadline = { $kind }: { $due } (noch { $left })
case-deadline-kind-completeness_check = Vollständigkeitsprüfung
case-deadline-kind-admissibility = Zulässigkeit
case-deadline-kind-company_answer = Antwort des Unternehmens
case-deadline-kind-round = Verhandlungsrunde
case-deadline-kind-outcome = Ergebnis
case-deadline-kind-reflection = Bedenkzeit
case-deadline-kind-objection = Einwand
case-deadline-kind-performance = Erfüllung
case-overdue = überfällig

## Fallakte: Vorschläge

case-proposals = Vorschläge
case-col-number = Nr.
case-col-round = Runde
case-col-from = Von
case-col-amount = Betrag
case-col-terms = Bedingungen
case-col-status = Stand
case-proposal-standing = (aktuell)
case-proposal-within = { $days ->
        [one] (innerhalb von { $days } Tag)
       *[other] (innerhalb von { $days } Tagen)
    }
case-proposal-status-open = offen
case-proposal-status-superseded = ersetzt
case-proposal-status-rejected = abgelehnt
case-proposal-status-settled = angenommen (Vergleich)

case-author-consumer = Verbraucher
case-author-company = Unternehmen
case-author-neutral = Schlichter

case-accepted-so-far = Bisher angenommen:
case-accepted-consumer = Verbraucher
case-accepted-company = Unternehmen
case-accepted-number = Nr. { $number }
case-accepted-not-yet = noch nicht

case-escalated = Dieser Fall wurde nach den Regeln des Verfahrens an eine Juristin oder einen Juristen der Schlichtungsstelle weitergegeben.

## Fallakte: was der Schlichter offengelegt hat

case-disclosure = Der Schlichter hat einen Umstand offengelegt
case-disclosure-legend = Ihre Antwort auf die Offenlegung
case-disclosure-no-objection = Ich erhebe keinen Einwand: Der Schlichter kann weitermachen
case-disclosure-objection = Ich erhebe Einwand: Ein anderer Schlichter soll den Fall übernehmen
case-disclosure-reason = Begründung (bei einem Einwand erforderlich)
case-answer = Antworten
case-disclosure-recorded = Ihre Antwort ist festgehalten. Wenn bis zum Fristende niemand Einwand erhebt, macht der Schlichter weiter.

## Fallakte: Schlichter zuweisen, Runden

case-assign = Einen Schlichter zuweisen
case-assign-neutral = Kontonummer des Schlichters (leer lassen, damit Redress den am besten passenden wählt)
case-assign-submit = Zuweisen
case-round = Die nächste Runde eröffnen
case-round-deadline = Frist (leer lassen für die Rundendauer des Verfahrens)
case-round-submit = Die Runde eröffnen

## Fallakte: Vorschläge beantworten und machen

case-standing-answer = Auf den aktuellen Vorschlag antworten (Nr. { $number })
case-read-before = Bitte lesen Sie Folgendes, bevor Sie zustimmen:
case-notice-0 = Es steht Ihnen frei, diesen Vorschlag abzulehnen; die Teilnahme verpflichtet Sie nicht zur Zustimmung.
case-notice-1 = Ihre Zustimmung hindert Sie nicht daran, vor Gericht zu gehen; das Verfahren nimmt Ihnen dieses Recht nicht.
case-notice-2 = Die vorgeschlagene Lösung kann von dem abweichen, was ein Gericht nach geltendem Recht entscheiden würde.
case-notice-3 = Wenn beide Seiten zustimmen, sind Sie an die Einigung gebunden, sobald die Bedenkzeit abgelaufen ist, ohne dass eine Seite sie widerrufen hat.
case-notices-read = Ich habe diese Hinweise gelesen.
case-accept-submit = Vorschlag Nr. { $number } annehmen
case-reject-reason = Oder lehnen Sie ihn ab, weil:
case-reject-submit = Ablehnen
case-propose = Einen Vorschlag machen
case-offer-amount = Betrag (EUR)
case-offer-terms = Bedingungen
case-offer-days = Tage für die Erfüllung
case-offer-notices = Ich habe diese Hinweise gelesen (für eine Partei Pflicht).
case-offer-submit = Den Vorschlag senden
case-time = Um mehr Zeit bitten
case-time-reason = Der Schlichter kann die Frist der Runde verschieben. Warum brauchen Sie mehr Zeit?
case-time-submit = Den Schlichter fragen

## Fallakte: doppelt verdecktes Bieten

case-blind = Einigung durch doppelt verdecktes Bieten?
case-blind-explain = Jede Seite nennt vertraulich eine Grenze: das Mindeste, das Sie annehmen (Verbraucher), oder das Höchste, das Sie zahlen (Unternehmen). Liegen die Grenzen höchstens { $margin }{"\u00A0"}% auseinander, gilt der Fall beim Mittelwert als geeinigt; andernfalls erfährt niemand den Betrag der anderen Seite, und die Verhandlung geht weiter. Es beginnt, wenn beide Seiten zustimmen.
case-blind-notices = Ich habe diese Hinweise gelesen und bin einverstanden, dass mich ein Treffer wie eine Annahme bindet.
case-blind-submit = Ich stimme dem doppelt verdeckten Bieten zu
case-blind-waiting = Sie haben dem doppelt verdeckten Bieten zugestimmt; es beginnt, wenn auch die andere Seite zustimmt.
case-blind-limit = Ihre vertrauliche Grenze
case-blind-amount = Ihre Grenze ({ $currency }); die andere Seite sieht sie nie
case-blind-limit-submit = Meine Grenze senden
case-blind-own-limit = Ihre vertrauliche Grenze: { $limit }.
case-blind-other-waiting = Wir warten auf die Grenze der anderen Seite.

## Fallakte: Erfüllung nach einem Vergleich

case-compliance = Hat das Unternehmen getan, was es zugesagt hat?
case-compliance-due = Das Unternehmen hat bis { $due } Zeit, den Vergleich zu erfüllen.
case-compliance-confirm = Sie können jederzeit bestätigen, dass es das getan hat; wenn nicht, teilen Sie es uns nach diesem Datum mit.
case-complied-legend = Ihre Antwort
case-complied-yes = Ja, es hat das getan
case-complied-no = Nein, es hat das nicht getan: Der Fall wird wieder aufgenommen
case-compliance-comment = Was fehlt, oder was Sie noch hinzufügen möchten
case-send = Senden

## Fallakte: widerrufen, verlängern, abschließen, zurückziehen

case-revoke = Bedenkzeit
case-revoke-reason = Sie können Ihre Zustimmung noch widerrufen, weil:
case-revoke-submit = Meine Zustimmung widerrufen
case-extend = Die Frist für ein Ergebnis verlängern (einmalig)
case-extend-until = Neues Datum
case-extend-reasons = Warum der Streitfall komplex ist
case-extend-submit = Verlängern
case-close = Den Fall abschließen
case-close-outcome = Ergebnis
case-close-not-settled = kein Vergleich (beendet die Schlichtung)
case-close-reasons = Begründung (beide Parteien erhalten sie)
case-close-submit = Abschließen
case-withdraw = Zurückziehen
case-withdraw-reason = Sie können sich jederzeit zurückziehen. Grund:
case-withdraw-submit = Mich aus dem Verfahren zurückziehen

## Fallakte: Vertreter

case-representatives = Vertreter
case-representative = { $name } vertritt { $side ->
        [consumer] die Verbraucherseite
       *[other] die Unternehmensseite
    }

## Fallakte: menschliche Überprüfung automatischer Schritte

case-review = Schritte, die Redress selbst unternommen hat
case-review-explain = Schritte mit der Markierung „system“ im Verlauf wurden automatisch unternommen. Sie können verlangen, dass ein Mensch sie überprüft.
case-review-reason = Was soll überprüft werden, und warum?
case-review-submit = Eine Überprüfung durch einen Menschen verlangen
case-review-asked = Eine Partei hat eine Überprüfung durch einen Menschen verlangt
case-review-answer = Ihre Antwort (beide Parteien erhalten sie)

## Fallakte: Rückmeldung

case-feedback = Hat das Verfahren Ihre Beschwerde gelöst?
case-resolved-legend = Wurde Ihre Beschwerde gelöst?
case-yes = Ja
case-no = Nein
case-rating = Wie bewerten Sie das Verfahren? (1 schlecht – 5 ausgezeichnet)
case-feedback-comment = Was Sie uns sonst noch sagen möchten (freiwillig)

## Fallakte: gemeinsame Behandlung

case-bundle = Dürfen wir Ihren Fall zusammen mit ähnlichen Fällen behandeln?
case-bundle-explain = Andere Verbraucher haben ähnliche Beschwerden gegen { $company } eingereicht. Gemeinsam behandelt kann das Verfahren schneller und sein Ergebnis einheitlicher sein. Ihr Fall bleibt Ihr Fall: Sie behalten Ihre eigene Forderung und können sich weiterhin zurückziehen.
case-bundle-legend = Ihre Antwort
case-bundle-yes = Ja, ich bin einverstanden
case-bundle-no = Nein, meinen Fall getrennt behandeln

## Fallakte: fehlende Angaben, Vollständigkeit, Zulässigkeit, Teilnahme

case-information = Die fehlenden Angaben ergänzen
case-prior-on = Wann haben Sie sich beim Unternehmen beschwert?
case-prior-channel = Wie?
case-prior-reference = Das Aktenzeichen des Unternehmens, falls vorhanden
case-note = Was wir sonst noch erbeten haben
case-completeness = Vollständigkeitsprüfung
case-completeness-missing = Was fehlt (ein Punkt pro Zeile; leer lassen, wenn die Akte vollständig ist)
case-completeness-submit = Die Prüfung festhalten
case-admissibility = Zulässigkeit
case-decision-legend = Ihre Entscheidung
case-accept = Annehmen
case-refuse = Ablehnen, aus dem Grund
case-refusal-ground = Ablehnungsgrund
case-ground-no_prior_complaint = der Verbraucher hat nicht zuerst versucht, die Angelegenheit mit dem Unternehmen zu klären
case-ground-frivolous_or_vexatious = der Streitfall ist mutwillig oder schikanös
case-ground-handled_elsewhere = der Streitfall wird oder wurde bereits von einer anderen Streitbeilegungsstelle oder einem Gericht behandelt
case-ground-claim_value_out_of_range = der Wert der Forderung liegt außerhalb der Grenzen dieses Verfahrens
case-ground-filed_too_late = der Fall wurde nach der Frist dieses Verfahrens eingereicht
case-ground-impairs_operation = seine Behandlung würde den Betrieb der Stelle ernsthaft beeinträchtigen
case-admissibility-reasons = Begründung (wird beiden Parteien mitgeteilt)
case-decide = Entscheiden
case-participation = Nimmt das Unternehmen teil?
case-takes-part-legend = Ihre Antwort
case-takes-part-yes = Ja, wir nehmen teil
case-takes-part-no = Nein, weil:
case-participation-reasons = Gründe

## Fallakte: Nachrichten und Dokumente

case-messages = Nachrichten
case-internal-note = (interne Notiz)
case-no-messages = Noch keine Nachrichten.
case-message-body = Ihre Nachricht
case-message-internal = Interne Notiz (die Parteien sehen sie nicht)
case-documents = Dokumente
case-document-size = { $size } Bytes
case-no-documents = Noch keine Dokumente.
case-document-add = Ein Dokument hinzufügen (PDF, JPEG, PNG oder Text, höchstens { $max } KiB)
case-upload = Hochladen

## Fallakte: der Verlauf, eine Nachricht je Art von Ereignis

case-timeline = Verlauf
case-event-filed = eingereicht
case-event-marked_incomplete = als unvollständig markiert
case-event-information_supplied = Angaben ergänzt
case-event-completed = als vollständig bestätigt
case-event-accepted = angenommen
case-event-refused = abgelehnt
case-event-company_joined = Unternehmen nimmt teil
case-event-company_declined = Unternehmen lehnt die Teilnahme ab
case-event-neutral_assigned = Schlichter zugewiesen
case-event-independence_declared = Unabhängigkeit erklärt
case-event-neutral_recused = Schlichter hat sich zurückgezogen
case-event-conflict_disclosed = Umstand offengelegt
case-event-disclosure_accepted = Offenlegung akzeptiert
case-event-neutral_objected = Einwand gegen den Schlichter
case-event-escalated = an eine Juristin oder einen Juristen weitergegeben
case-event-blind_bidding_consented = Zustimmung zum doppelt verdeckten Bieten
case-event-blind_bidding_opened = doppelt verdecktes Bieten begonnen
case-event-blind_limit_submitted = vertrauliche Grenze abgegeben
case-event-blind_bidding_ended = doppelt verdecktes Bieten beendet
case-event-compliance_asked = nach der Erfüllung gefragt
case-event-compliance_reported = Erfüllung gemeldet
case-event-reopened = wieder aufgenommen
case-event-round_opened = Runde eröffnet
case-event-round_lapsed = Runde abgelaufen
case-event-proposal_made = Vorschlag gemacht
case-event-proposal_accepted = Vorschlag angenommen
case-event-proposal_rejected = Vorschlag abgelehnt
case-event-agreed = Einigung erzielt
case-event-consent_revoked = Zustimmung widerrufen
case-event-settled = Vergleich geschlossen
case-event-not_settled = kein Vergleich
case-event-withdrawn = zurückgezogen
case-event-representative_appointed = Vertreter bestellt
case-event-bundle_proposed = gemeinsame Behandlung vorgeschlagen
case-event-bundle_answered = Antwort zur gemeinsamen Behandlung
case-event-round_deadline_changed = Frist der Runde geändert
case-event-time_requested = um mehr Zeit gebeten
case-event-review_requested = Überprüfung verlangt
case-event-review_answered = Überprüfung beantwortet
case-event-feedback_given = Rückmeldung gegeben
case-event-moderation_checked = Moderation geprüft
case-event-moderated = moderiert
case-event-message_posted = Nachricht gesendet
case-event-document_added = Dokument hinzugefügt
case-event-lapsed = verfallen
case-event-outcome_extended = Frist für das Ergebnis verlängert
case-event-closed = abgeschlossen
case-event-archived = archiviert
case-event-deadline_set = Frist gesetzt
case-event-deadline_cleared = Frist aufgehoben
case-event-all_deadlines_cleared = alle Fristen aufgehoben
case-event-deadline_missed = Frist versäumt

## Das Beschwerdeformular (case_new.html.hbs)

case-new-title = Eine Beschwerde einreichen
case-new-intro = Erzählen Sie uns von Ihrer Beschwerde. Das Einreichen ist kostenlos, und Sie brauchen keinen Anwalt. Wir prüfen zuerst, ob die Akte vollständig ist, und entscheiden dann innerhalb von drei Wochen, ob wir den Fall bearbeiten können.
case-new-duplicate = Sie haben bereits einen offenen Fall gegen dieses Unternehmen:
case-new-duplicate-next = Sie können dort etwas zu diesem Fall hinzufügen. Wenn es um einen anderen Streitfall geht, kreuzen Sie unten das Kästchen an und senden Sie das Formular erneut.
case-new-search-label = Suchen Sie das Unternehmen nach Name, USt-IdNr. oder Webadresse
case-new-search = Suchen
case-new-company = Das Unternehmen
case-new-not-found = Kein Unternehmen gefunden für „{ $q }“. Geben Sie es unten ein.
case-new-not-listed = Nicht in der Liste? Geben Sie das Unternehmen ein:
case-new-company-name = Name des Unternehmens
case-new-company-email = Die E-Mail-Adresse, unter der es Beschwerden annimmt
case-new-company-domain = Seine Webadresse (freiwillig)
case-new-complaint = Ihre Beschwerde
case-new-kind = Art
case-new-type-complaint = Eine Beschwerde: Sie möchten eine Lösung vom Unternehmen
case-new-type-incident = Ein Vorfall: Sie melden ein Problem
case-new-summary = Was ist passiert?
case-new-outcome = Was verlangen Sie?
case-new-remedy-refund = Eine Erstattung
case-new-remedy-repair = Eine Reparatur
case-new-remedy-replacement = Einen Ersatz
case-new-remedy-discount = Einen Preisnachlass
case-new-remedy-apology = Eine Entschuldigung
case-new-remedy-other = Etwas anderes
case-new-amount = Geforderter Betrag
case-new-currency = Währung
case-new-language = Sprache des Verfahrens
case-new-country = Land, in dem Sie wohnen (zwei Buchstaben, etwa DE)
case-new-letter-yes = Sie kommen über das Schreiben des Unternehmens: Es nimmt an unserem Verfahren teil. Ihr Fall enthält diese Antwort.
case-new-letter-no = Sie kommen über das Schreiben des Unternehmens: Es nimmt nicht an unserem Verfahren teil. Ihr Fall enthält diese Antwort.
case-new-prior = Ihre Beschwerde beim Unternehmen
case-new-prior-intro = Wir können einen Streitfall nur bearbeiten, wenn Sie zuerst versucht haben, ihn mit dem Unternehmen zu lösen.
case-new-prior-on = Wann haben Sie sich dort beschwert?
case-new-prior-channel = Wie?
case-new-how-email = Per E-Mail
case-new-how-letter = Per Brief
case-new-how-phone = Telefonisch
case-new-how-web_form = Über sein Webformular
case-new-how-in_person = Persönlich
case-new-prior-reference = Das Aktenzeichen des Unternehmens, falls vorhanden
case-new-staff = Für einen Verbraucher erfasst (Brief oder Anruf)
case-new-consumer-name = Name des Verbrauchers
case-new-consumer-email = E-Mail-Adresse des Verbrauchers
case-new-received = Eingegangen per
case-new-received-post = Post
case-new-received-phone = Telefon
case-new-public = Meine Beschwerde nach der Moderation veröffentlichen, ohne meinen Namen und meine Kontaktdaten
case-new-allow-duplicate = Das ist ein anderer Streitfall: als neuen Fall einreichen
case-new-submit = Meine Beschwerde einreichen

## Die Erklärung des Schlichters (declaration.html.hbs)

declaration-pending = Sie haben einen Umstand offengelegt. Die Parteien können bis zum Fristende Einwand erheben; tut das keine, führen Sie den Fall weiter und sehen die Fallakte. Erhebt eine Partei Einwand, geht der Fall an einen anderen Schlichter.
declaration-legend = Ihre Erklärung
declaration-independent = Ich erkläre, dass ich von beiden Parteien unabhängig und ihnen gegenüber unparteiisch bin und dass nichts einen Interessenkonflikt begründen könnte.
declaration-disclose = Ich halte mich für unabhängig, aber die Parteien sollten einen Umstand kennen (sie können Einwand erheben):
declaration-recuse = Ich lehne die Übernahme ab, weil:
declaration-reasons = Der Umstand oder die Gründe für die Ablehnung (in beiden Fällen erforderlich)
declaration-submit = Meine Erklärung senden

case-deadline-passed = { $kind }: { $due }
case-time-left = { $days ->
    [0] { $hours ->
        [one] 1 Stunde
       *[other] { $hours } Stunden
    }
    [one] 1 Tag und { $hours } Stunden
   *[other] { $days } Tage und { $hours } Stunden
}

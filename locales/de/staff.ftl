# Staff pages (triage, moderation, mail, dashboard, reports) and the company pages
# (scorecard, referrals).

## Triage

triage-intro = Fälle, die auf eine Vollständigkeitsprüfung oder eine Entscheidung über die Zulässigkeit warten, die nächste Frist zuerst. Überfällige Fälle sind markiert.
triage-count = { $count ->
    [one] { $count } Fall
   *[other] { $count } Fälle
}
triage-case = Fall
triage-company = Unternehmen
triage-task = Aufgabe
triage-due = Fällig
triage-overdue = überfällig
triage-empty = Nichts wartet auf eine Entscheidung.

## Moderation

moderation-intro = Öffentliche Beschwerden, die zurückgehalten werden, weil ihr Text Wörter aus den Moderationslisten enthält. Veröffentlichen Sie sie, oder halten Sie sie mit einer Begründung aus der öffentlichen Liste heraus.
moderation-flagged = Markiert:
moderation-decision = Entscheidung zu { $reference }
moderation-publish = Veröffentlichen
moderation-hold = Nicht veröffentlichen
moderation-reasons = Gründe (erforderlich, wenn Sie nicht veröffentlichen)
moderation-decide = Entscheiden
moderation-empty = Nichts wartet auf Prüfung.

## Mail held for review

mail-title = Eingegangene Post zur Prüfung
mail-intro = Antworten, die nicht belegen, zu welchem Fall sie gehören, die von einer für die Partei nicht registrierten Adresse kommen, einen abgeschlossenen Fall betreffen, von einer Maschine geschrieben wurden oder nicht gelesen werden konnten. Nichts davon gelangt in einen Fall, bevor Sie es dort ablegen.
mail-from = Von
mail-received = , empfangen am { $at }
mail-held-because = Zurückgehalten, weil:
mail-case = Fall
mail-side = als Nachricht von:
mail-side-company = Unternehmen
mail-side-consumer = Verbraucher
mail-assign = Dem Fall zuordnen
mail-discard-reason = Oder verwerfen, weil
mail-discard = Verwerfen
mail-empty = Nichts wird zurückgehalten.

## Dashboard

dashboard-summary = { $open ->
    [one] { $open } offener Fall. Stand: { $at }.
   *[other] { $open } offene Fälle. Stand: { $at }.
}
dashboard-activity-report = Tätigkeitsbericht
dashboard-mail = Post zur Prüfung
dashboard-overdue = Überfällig
dashboard-case = Fall
dashboard-time-limit = Frist
dashboard-was-due = War fällig am
dashboard-due = Fällig am
dashboard-state = Stand
dashboard-overdue-none = Nichts ist überfällig.
dashboard-week = Fällig in den nächsten sieben Tagen
dashboard-week-none = Diese Woche wird nichts fällig.
dashboard-states = Fälle nach Stand
dashboard-cases = Fälle
dashboard-caseload = Fallzahl je Schlichter
dashboard-neutral = Schlichter
dashboard-open-cases = Offene Fälle
dashboard-capacity = Kapazität
dashboard-load = Auslastung (%)
dashboard-caseload-none = Noch ist kein Schlichter tätig.
dashboard-stages = Dauer je Abschnitt
dashboard-stages-caption = Tage im Mittel, über die zuletzt beendeten Fälle
dashboard-stage = Abschnitt
dashboard-from-to = Von … bis
dashboard-mean-days = Tage im Mittel

## Activity report

reports-title = Tätigkeitsbericht { $period }
reports-year = Jahr
reports-covering = Zeitraum
reports-one-year = ein Jahr (Jahresbericht)
reports-two-years = zwei Jahre (Bericht an die Behörde)
reports-show = Anzeigen
reports-download = Herunterladen:
reports-assessment-biennial = Bewertung und Empfehlungen zu wiederkehrenden Problemen, für die Behörde (bis zu 10.000 Zeichen)
reports-assessment-annual = Bewertung der Wirksamkeit im Jahr (bis zu 10.000 Zeichen)
reports-save-assessment = Bewertung speichern

## A company's scorecard

company-title = { $company }: Bewertungsbogen
company-period = Fälle, die seit { $from } an das Unternehmen gingen (die letzten { $months } Monate).
company-score = Punktzahl
company-out-of = von 100
company-parts-caption = Die Bestandteile der Punktzahl
company-part = Bestandteil
company-weight = Gewicht
company-value = Wert (%)
company-no-score = Noch keine Punktzahl: Ein Unternehmen wird bewertet, sobald es mindestens { $min } Fälle in { $months } Monaten hat. Die Zahlen unten werden trotzdem gezeigt.
company-figures = Zahlen
company-received = Eingegangene Fälle
company-answered = Vom Unternehmen beantwortet
company-median-answer = Mittlere Zeit bis zur ersten Antwort (Median)
company-hours = { $hours } Stunden
company-resolved = Gelöst, nach den eigenen Worten der Verbraucher
company-of = { $part } von { $whole } ({ $rate } %)
company-satisfaction = Zufriedenheit (1 bis 5)
company-satisfaction-value = { $ratings ->
    [one] { $satisfaction } aus { $ratings } Bewertung
   *[other] { $satisfaction } aus { $ratings } Bewertungen
}
company-complied = Vergleiche wie vereinbart erfüllt
company-trend = Monat für Monat
company-trend-caption = Die Zahlen des Diagramms
company-month = Monat
company-trend-received = Eingegangen
company-trend-answered = Beantwortet
company-trend-resolved = Gelöst
company-method = Wie die Punktzahl entsteht
company-reply = Die Antwort des Unternehmens
company-no-reply = Das Unternehmen hat nicht geantwortet.
company-reply-label = Ihre Antwort, für alle sichtbar (bis zu 1.000 Zeichen; leer lassen, um sie zu entfernen)
company-reply-submit = Antwort veröffentlichen

## A company's referrals

company-referrals-title = Eine Beschwerde weiterleiten
company-referrals-intro = Wenn Ihr eigenes Beschwerdeverfahren ohne Einigung endet, leiten Sie die Beschwerde hier mit ihrem Verlauf weiter. Der Verbraucher erhält eine E-Mail in seiner Sprache und entscheidet, ob er die Sache weiterverfolgt; Sie erfahren die Antwort. Mit der Weiterleitung nehmen Sie am Verfahren teil.
company-referrals-yours = Ihre Weiterleitungen
company-referrals-your-reference = Ihr Aktenzeichen
company-referrals-consumer = Verbraucher
company-referrals-sent = Gesendet
company-referrals-answer = Antwort
company-referrals-documents = Dokumente
company-referrals-case = Fall
company-referrals-status-invited = eingeladen
company-referrals-status-confirmed = angenommen
company-referrals-status-declined = abgelehnt
company-referrals-status-expired = abgelaufen
company-referrals-none = Noch keine.
company-referrals-the-consumer = Der Verbraucher
company-referrals-name = Name
company-referrals-email = E-Mail-Adresse
company-referrals-language = Sprache
company-referrals-the-complaint = Die Beschwerde in Ihrem Verfahren
company-referrals-kind = Art
company-referrals-kind-complaint = Beschwerde
company-referrals-kind-incident = Vorfall
company-referrals-complained-on = Der Verbraucher beschwerte sich am
company-referrals-channel = Wie (E-Mail, Telefon, Brief, Geschäft …)
company-referrals-asked = Was der Verbraucher verlangte
company-referrals-offered = Was Sie anboten
company-referrals-final-answer = Ihre abschließende Antwort
company-referrals-outcome = Der Verbraucher verlangt
company-referrals-outcome-refund = eine Erstattung
company-referrals-outcome-repair = eine Reparatur
company-referrals-outcome-replacement = einen Ersatz
company-referrals-outcome-discount = einen Preisnachlass
company-referrals-outcome-apology = eine Entschuldigung
company-referrals-outcome-other = etwas anderes
company-referrals-amount = Streitwert (EUR)
company-referrals-documents-label = Dokumente Ihres Verfahrens (freiwillig, höchstens { $max }: Briefe, Belege, Fotos)
company-referrals-submit = Die Beschwerde weiterleiten
company-referrals-import = Viele Beschwerden aus einer CSV-Datei weiterleiten
company-referrals-imported = Importiert: { $created } Verbraucher eingeladen, { $already } bereits weitergeleitet.
company-referrals-import-failed = Es wurde nichts importiert. Korrigieren Sie diese Zeilen und senden Sie die ganze Datei erneut:
company-referrals-problem = Zeile { $line }, { $field }: { $message }
company-referrals-columns = Eine Kopfzeile nennt die Spalten, in beliebiger Reihenfolge:
company-referrals-csv-format = Daten wie 2026-02-10, Beträge in Cent. Jede Zeile wird zuerst geprüft; eine einzige falsche Zeile, und nichts wird importiert.
company-referrals-file = CSV-Datei (höchstens 1.000 Zeilen)
company-referrals-import-submit = Die Weiterleitungen importieren

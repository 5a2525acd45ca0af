# Staff pages (triage, moderation, mail, dashboard, reports) and the company pages
# (scorecard, referrals).

## Triage

triage-intro = Zaken die wachten op een controle op volledigheid of een besluit over de ontvankelijkheid, de vroegste termijn eerst. Zaken over de termijn zijn gemarkeerd.
triage-count = { $count ->
    [one] { $count } zaak
   *[other] { $count } zaken
}
triage-case = Zaak
triage-company = Onderneming
triage-task = Taak
triage-due = Termijn
triage-overdue = over de termijn
triage-empty = Er wacht niets op een besluit.

## Moderation

moderation-intro = Openbare klachten die zijn tegengehouden omdat de tekst woorden uit de moderatielijsten bevat. Publiceer ze, of houd ze met een reden buiten de openbare lijst.
moderation-flagged = Gemarkeerd:
moderation-decision = Besluit over { $reference }
moderation-publish = Publiceren
moderation-hold = Niet publiceren
moderation-reasons = Redenen (verplicht als u niet publiceert)
moderation-decide = Besluiten
moderation-empty = Er wacht niets op beoordeling.

## Mail held for review

mail-title = Binnengekomen post om te beoordelen
mail-intro = Antwoorden die niet aantonen bij welke zaak ze horen, die komen van een adres dat niet voor de partij is geregistreerd, die over een gesloten zaak gaan, die door een machine zijn geschreven of die niet te lezen waren. Niets hiervan komt bij een zaak terecht totdat u het daar plaatst.
mail-from = Van
mail-received = , ontvangen op { $at }
mail-held-because = Tegengehouden omdat:
mail-case = Zaak
mail-side = als bericht van de
mail-side-company = onderneming
mail-side-consumer = consument
mail-assign = Bij de zaak plaatsen
mail-discard-reason = Of verwijder het, omdat
mail-discard = Verwijderen
mail-empty = Er is niets tegengehouden.

## Dashboard

dashboard-summary = { $open ->
    [one] { $open } open zaak. Stand van { $at }.
   *[other] { $open } open zaken. Stand van { $at }.
}
dashboard-activity-report = Activiteitenverslag
dashboard-mail = Post om te beoordelen
dashboard-overdue = Over de termijn
dashboard-case = Zaak
dashboard-time-limit = Termijn
dashboard-was-due = Verliep op
dashboard-due = Verloopt op
dashboard-state = Stand
dashboard-overdue-none = Niets is over de termijn.
dashboard-week = Verloopt in de komende zeven dagen
dashboard-week-none = Deze week verloopt niets.
dashboard-states = Zaken per stand
dashboard-cases = Zaken
dashboard-caseload = Werklast per bemiddelaar
dashboard-neutral = Bemiddelaar
dashboard-open-cases = Open zaken
dashboard-capacity = Capaciteit
dashboard-load = Belasting (%)
dashboard-caseload-none = Er is nog geen bemiddelaar actief.
dashboard-stages = Tijd per fase
dashboard-stages-caption = Gemiddeld aantal dagen, over de laatst afgeronde zaken
dashboard-stage = Fase
dashboard-from-to = Van … tot
dashboard-mean-days = Gemiddeld aantal dagen

## Activity report

reports-title = Activiteitenverslag { $period }
reports-year = Jaar
reports-covering = Over
reports-one-year = één jaar (jaarverslag)
reports-two-years = twee jaar (verslag aan de toezichthouder)
reports-show = Tonen
reports-download = Downloaden:
reports-assessment-biennial = Beoordeling en aanbevelingen over terugkerende problemen, voor de toezichthouder (hoogstens 10.000 tekens)
reports-assessment-annual = Beoordeling van de doeltreffendheid in dit jaar (hoogstens 10.000 tekens)
reports-save-assessment = Beoordeling opslaan

## A company's scorecard

company-title = { $company }: scorekaart
company-period = Zaken die sinds { $from } naar de onderneming zijn gestuurd (de laatste { $months } maanden).
company-score = Score
company-out-of = van de 100
company-parts-caption = De onderdelen van de score
company-part = Onderdeel
company-weight = Gewicht
company-value = Waarde (%)
company-no-score = Nog geen score: een onderneming krijgt een score zodra ze ten minste { $min } zaken heeft in { $months } maanden. De aantallen hieronder worden toch getoond.
company-figures = Cijfers
company-received = Ontvangen zaken
company-answered = Beantwoord door de onderneming
company-median-answer = Mediane tijd tot het eerste antwoord
company-hours = { $hours } uur
company-resolved = Opgelost, in de eigen woorden van de consument
company-of = { $part } van { $whole } ({ $rate } %)
company-satisfaction = Tevredenheid (1 tot 5)
company-satisfaction-value = { $ratings ->
    [one] { $satisfaction } uit { $ratings } beoordeling
   *[other] { $satisfaction } uit { $ratings } beoordelingen
}
company-complied = Schikkingen uitgevoerd zoals afgesproken
company-trend = Per maand
company-trend-caption = De cijfers van de grafiek
company-month = Maand
company-trend-received = Ontvangen
company-trend-answered = Beantwoord
company-trend-resolved = Opgelost
company-method = Hoe de score tot stand komt
company-reply = De reactie van de onderneming
company-no-reply = De onderneming heeft niet gereageerd.
company-reply-label = Uw reactie, voor iedereen zichtbaar (hoogstens 1.000 tekens; laat leeg om haar te verwijderen)
company-reply-submit = Reactie publiceren

## A company's referrals

company-referrals-title = Een klacht doorverwijzen
company-referrals-intro = Als uw eigen klachtenprocedure zonder overeenstemming eindigt, verwijst u de klacht hier door, met de voorgeschiedenis. De consument krijgt een e-mail in zijn of haar taal en beslist of hij of zij de zaak voortzet; u hoort het antwoord. Door door te verwijzen neemt u deel aan de procedure.
company-referrals-yours = Uw doorverwijzingen
company-referrals-your-reference = Uw kenmerk
company-referrals-consumer = Consument
company-referrals-sent = Verstuurd
company-referrals-answer = Antwoord
company-referrals-documents = Documenten
company-referrals-case = Zaak
company-referrals-status-invited = uitgenodigd
company-referrals-status-confirmed = bevestigd
company-referrals-status-declined = afgewezen
company-referrals-status-expired = verlopen
company-referrals-none = Nog geen.
company-referrals-the-consumer = De consument
company-referrals-name = Naam
company-referrals-email = E-mailadres
company-referrals-language = Taal
company-referrals-the-complaint = De klacht in uw procedure
company-referrals-kind = Soort
company-referrals-kind-complaint = klacht
company-referrals-kind-incident = incident
company-referrals-complained-on = De consument klaagde op
company-referrals-channel = Hoe (e-mail, telefoon, brief, winkel …)
company-referrals-asked = Wat de consument vroeg
company-referrals-offered = Wat u aanbood
company-referrals-final-answer = Uw definitieve antwoord
company-referrals-outcome = De consument vraagt om
company-referrals-outcome-refund = terugbetaling
company-referrals-outcome-repair = reparatie
company-referrals-outcome-replacement = vervanging
company-referrals-outcome-discount = korting
company-referrals-outcome-apology = excuses
company-referrals-outcome-other = iets anders
company-referrals-amount = Bedrag waar het om gaat (EUR)
company-referrals-documents-label = Documenten uit uw procedure (optioneel, hoogstens { $max }: brieven, bonnen, foto's)
company-referrals-submit = De klacht doorverwijzen
company-referrals-import = Veel klachten doorverwijzen met een CSV-bestand
company-referrals-imported = Geïmporteerd: { $created ->
    [one] { $created } consument uitgenodigd
   *[other] { $created } consumenten uitgenodigd
}, { $already } al doorverwezen.
company-referrals-import-failed = Er is niets geïmporteerd. Verbeter deze regels en stuur het hele bestand opnieuw:
company-referrals-problem = Regel { $line }, { $field }: { $message }
company-referrals-columns = Een kopregel noemt de kolommen, in willekeurige volgorde:
company-referrals-csv-format = Datums als 2026-02-10, bedragen in centen. Elke regel wordt eerst gecontroleerd; één foute regel en er wordt niets geïmporteerd.
company-referrals-file = CSV-bestand (hoogstens 1.000 regels)
company-referrals-import-submit = De doorverwijzingen importeren

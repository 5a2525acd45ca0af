## Het dossier (case.html.hbs), het klachtformulier (case_new.html.hbs) en de verklaring van
## de bemiddelaar (declaration.html.hbs).

case-title = Zaak { $reference }
case-done = Klaar. Iedereen die het aangaat, is op de hoogte gebracht.

## Dossier: de ontvangstbevestiging na het indienen

case-ack-label = Ontvangstbevestiging
case-registered = Uw zaak is geregistreerd
case-your-reference = Uw referentie is
case-registered-next = We hebben een ontvangstbevestiging naar uw e-mailadres gestuurd; bewaar die goed. We houden u en het bedrijf bij elke stap op de hoogte. U kunt zich op elk moment terugtrekken, en deelnemen belet u niet om naar de rechter te stappen.

## Dossier: de gegevens

case-dt-status = Stand van zaken
case-dt-company = Bedrijf
case-dt-kind = Soort
case-dt-claim = Vordering
case-dt-filed = Ingediend
case-dt-procedure = Procedure

case-status-submitted = ingediend
case-status-incomplete = onvolledig
case-status-complete = volledig
case-status-refused = geweigerd
case-status-accepted = aanvaard
case-status-assigned = toegewezen aan een bemiddelaar
case-status-negotiating = in onderhandeling
case-status-agreed = akkoord, bedenktijd loopt
case-status-settled = schikking getroffen
case-status-not_settled = geen schikking
case-status-withdrawn = ingetrokken
case-status-lapsed = vervallen
case-status-closed = gesloten
case-status-archived = gearchiveerd

case-type-complaint = klacht
case-type-incident = incident

case-remedy-refund = terugbetaling
case-remedy-repair = reparatie
case-remedy-replacement = vervanging
case-remedy-discount = korting
case-remedy-apology = excuses
case-remedy-other = iets anders

case-channel-web = website
case-channel-api = API
case-channel-post = post
case-channel-phone = telefoon
case-channel-referral = doorverwijzing

case-download = Download het volledige dossier om te bewaren:
case-what-happened = Wat er is gebeurd
case-missing = Ontbrekende informatie

## Dossier: het ondertekende document

case-record = Ondertekend document
case-record-intro = { $kind ->
        [settlement] Het document met de schikking
       *[other] Het document met de uitkomst
    } van deze zaak, ondertekend door de geschillencommissie:
case-record-download = download de pdf
case-record-hash = SHA-256 van het document
case-record-keep = Bewaar het; iedereen kan het controleren op

## Dossier: termijnen

case-deadlines = Termijnen
case-deadline = { $kind }: { $due } (nog { $left })
case-deadline-kind-completeness_check = controle op volledigheid
case-deadline-kind-admissibility = ontvankelijkheid
case-deadline-kind-company_answer = antwoord van het bedrijf
case-deadline-kind-round = onderhandelingsronde
case-deadline-kind-outcome = uitkomst
case-deadline-kind-reflection = bedenktijd
case-deadline-kind-objection = bezwaar
case-deadline-kind-performance = uitvoering
case-overdue = verstreken

## Dossier: voorstellen

case-proposals = Voorstellen
case-col-number = Nr.
case-col-round = Ronde
case-col-from = Van
case-col-amount = Bedrag
case-col-terms = Voorwaarden
case-col-status = Stand
case-proposal-standing = (geldend)
case-proposal-within = { $days ->
        [one] (binnen { $days } dag)
       *[other] (binnen { $days } dagen)
    }
case-proposal-status-open = open
case-proposal-status-superseded = vervangen
case-proposal-status-rejected = afgewezen
case-proposal-status-settled = aanvaard (schikking)

case-author-consumer = consument
case-author-company = bedrijf
case-author-neutral = bemiddelaar

case-accepted-so-far = Tot nu toe aanvaard:
case-accepted-consumer = consument
case-accepted-company = bedrijf
case-accepted-number = nr. { $number }
case-accepted-not-yet = nog niet

case-escalated = Deze zaak is volgens de regels van de procedure doorgestuurd naar een van de eigen juristen van de geschillencommissie.

## Dossier: wat de bemiddelaar meldde

case-disclosure = De bemiddelaar heeft een omstandigheid gemeld
case-disclosure-legend = Uw antwoord op deze melding
case-disclosure-no-objection = Ik heb geen bezwaar: de bemiddelaar mag verdergaan
case-disclosure-objection = Ik maak bezwaar: een andere bemiddelaar moet de zaak overnemen
case-disclosure-reason = Reden (verplicht als u bezwaar maakt)
case-answer = Antwoorden
case-disclosure-recorded = Uw antwoord is vastgelegd. Als niemand voor de termijn bezwaar maakt, gaat de bemiddelaar verder.

## Dossier: een bemiddelaar toewijzen, rondes

case-assign = Een bemiddelaar toewijzen
case-assign-neutral = Accountnummer van de bemiddelaar (laat leeg om Redress de best passende te laten kiezen)
case-assign-submit = Toewijzen
case-round = De volgende ronde openen
case-round-deadline = Termijn (laat leeg voor de rondeduur van de procedure)
case-round-submit = De ronde openen

## Dossier: voorstellen beantwoorden en doen

case-standing-answer = Het geldende voorstel beantwoorden (nr. { $number })
case-read-before = Lees dit voordat u akkoord gaat:
case-notice-0 = U bent vrij om dit voorstel te weigeren; deelnemen verplicht u niet om akkoord te gaan.
case-notice-1 = Akkoord gaan belet u niet om naar de rechter te stappen; de procedure neemt u dat recht niet af.
case-notice-2 = De voorgestelde oplossing kan afwijken van wat een rechter op grond van de wet zou beslissen.
case-notice-3 = Als beide partijen akkoord gaan, bindt de schikking u zodra de bedenktijd voorbij is zonder dat een van beide partijen haar herroept.
case-notices-read = Ik heb deze mededelingen gelezen.
case-accept-submit = Voorstel nr. { $number } aanvaarden
case-reject-reason = Of wijs het af, omdat:
case-reject-submit = Afwijzen
case-propose = Een voorstel doen
case-offer-amount = Bedrag (EUR)
case-offer-terms = Voorwaarden
case-offer-days = Dagen om het uit te voeren
case-offer-notices = Ik heb deze mededelingen gelezen (verplicht voor een partij).
case-offer-submit = Het voorstel versturen
case-time = Meer tijd vragen
case-time-reason = De bemiddelaar kan de termijn van de ronde verschuiven. Waarom hebt u meer tijd nodig?
case-time-submit = Het aan de bemiddelaar vragen

## Dossier: dubbelblind bieden

case-blind = Schikken door dubbelblind bieden?
case-blind-explain = Elke partij noemt vertrouwelijk een grens: het minste dat u aanvaardt (consument) of het meeste dat u betaalt (bedrijf). Liggen de grenzen niet meer dan { $margin }{"\u00A0"}% uit elkaar, dan is de zaak geschikt op het bedrag precies daartussenin; zo niet, dan komt niemand het bedrag van de andere partij te weten en gaat de onderhandeling verder. Het begint zodra beide partijen akkoord gaan.
case-blind-notices = Ik heb deze mededelingen gelezen en ga ermee akkoord dat een overeenkomst van de grenzen mij bindt zoals een aanvaarding.
case-blind-submit = Ik ga akkoord met dubbelblind bieden
case-blind-waiting = U bent akkoord gegaan met dubbelblind bieden; het begint zodra de andere partij ook akkoord gaat.
case-blind-limit = Uw vertrouwelijke grens
case-blind-amount = Uw grens ({ $currency }); de andere partij ziet die nooit
case-blind-limit-submit = Mijn grens versturen
case-blind-own-limit = Uw vertrouwelijke grens: { $limit }.
case-blind-other-waiting = We wachten op de grens van de andere partij.

## Dossier: nakoming na een schikking

case-compliance = Heeft het bedrijf gedaan wat het heeft toegezegd?
case-compliance-due = Het bedrijf heeft tot { $due } om de schikking uit te voeren.
case-compliance-confirm = U kunt op elk moment bevestigen dat het dat heeft gedaan; doet het dat niet, laat het ons dan na die datum weten.
case-complied-legend = Uw antwoord
case-complied-yes = Ja, dat heeft het gedaan
case-complied-no = Nee, dat heeft het niet gedaan: de zaak wordt weer in behandeling genomen
case-compliance-comment = Wat ontbreekt er, of wat wilt u nog toevoegen?
case-send = Versturen

## Dossier: herroepen, verlengen, sluiten, terugtrekken

case-revoke = Bedenktijd
case-revoke-reason = U kunt uw instemming nog herroepen, omdat:
case-revoke-submit = Mijn instemming herroepen
case-extend = De termijn voor een uitkomst verlengen (eenmaal)
case-extend-until = Nieuwe datum
case-extend-reasons = Waarom het geschil ingewikkeld is
case-extend-submit = Verlengen
case-close = De zaak sluiten
case-close-outcome = Uitkomst
case-close-not-settled = geen schikking (beëindigt de bemiddeling)
case-close-reasons = Motivering (beide partijen ontvangen die)
case-close-submit = Sluiten
case-withdraw = Terugtrekken
case-withdraw-reason = U kunt zich op elk moment terugtrekken. Reden:
case-withdraw-submit = Mij terugtrekken uit de procedure

## Dossier: vertegenwoordigers

case-representatives = Vertegenwoordigers
case-representative = { $name } treedt op voor { $side ->
        [consumer] de consument
       *[other] het bedrijf
    }

## Dossier: menselijke controle van automatische stappen

case-review = Stappen die Redress zelf heeft gezet
case-review-explain = Stappen met “system” in het verloop zijn automatisch gezet. U kunt een medewerker vragen ze te controleren.
case-review-reason = Wat moet er worden gecontroleerd, en waarom?
case-review-submit = Om controle door een medewerker vragen
case-review-asked = Een partij heeft om controle door een medewerker gevraagd
case-review-answer = Uw antwoord (beide partijen ontvangen het)

## Dossier: beoordeling

case-feedback = Heeft de procedure uw klacht opgelost?
case-resolved-legend = Is uw klacht opgelost?
case-yes = Ja
case-no = Nee
case-rating = Welk cijfer geeft u de procedure? (1 slecht – 5 uitstekend)
case-feedback-comment = Wat u ons nog wilt laten weten (niet verplicht)

## Dossier: samen behandelen

case-bundle = Mogen we uw zaak samen met vergelijkbare zaken behandelen?
case-bundle-explain = Andere consumenten hebben vergelijkbare klachten ingediend tegen { $company }. Als we ze samen behandelen, kan de procedure sneller gaan en wordt de uitkomst consequenter. Uw zaak blijft van u: u houdt uw eigen vordering en kunt zich nog steeds terugtrekken.
case-bundle-legend = Uw antwoord
case-bundle-yes = Ja, ik ga akkoord
case-bundle-no = Nee, behandel mijn zaak apart

## Dossier: ontbrekende informatie, volledigheid, ontvankelijkheid, deelname

case-information = De ontbrekende informatie aanvullen
case-prior-on = Wanneer hebt u bij het bedrijf geklaagd?
case-prior-channel = Hoe?
case-prior-reference = De referentie van het bedrijf, als die er is
case-note = Wat we verder nog hebben gevraagd
case-completeness = Controle op volledigheid
case-completeness-missing = Wat ontbreekt er (één punt per regel; laat leeg als het dossier volledig is)
case-completeness-submit = De controle vastleggen
case-admissibility = Ontvankelijkheid
case-decision-legend = Uw beslissing
case-accept = Aanvaarden
case-refuse = Weigeren, op grond van
case-refusal-ground = Weigeringsgrond
case-ground-no_prior_complaint = de consument heeft niet eerst geprobeerd de kwestie met het bedrijf op te lossen
case-ground-frivolous_or_vexatious = het geschil is lichtzinnig of tergend
case-ground-handled_elsewhere = het geschil wordt of werd al behandeld door een andere geschilleninstantie of door een rechter
case-ground-claim_value_out_of_range = de waarde van de vordering valt buiten de grenzen van deze procedure
case-ground-filed_too_late = de zaak is ingediend na de termijn van deze procedure
case-ground-impairs_operation = de behandeling zou de werking van de dienst ernstig belemmeren
case-admissibility-reasons = Motivering (wordt aan beide partijen meegedeeld)
case-decide = Beslissen
case-participation = Neemt het bedrijf deel?
case-takes-part-legend = Uw antwoord
case-takes-part-yes = Ja, wij nemen deel
case-takes-part-no = Nee, omdat:
case-participation-reasons = Redenen

## Dossier: berichten en documenten

case-messages = Berichten
case-internal-note = (interne notitie)
case-no-messages = Nog geen berichten.
case-message-body = Uw bericht
case-message-internal = Interne notitie (de partijen zien die niet)
case-documents = Documenten
case-document-size = { $size } bytes
case-no-documents = Nog geen documenten.
case-document-add = Een document toevoegen (pdf, JPEG, PNG of tekst, hoogstens { $max } KiB)
case-upload = Uploaden

## Dossier: het verloop, één bericht per soort gebeurtenis

case-timeline = Verloop
case-event-filed = ingediend
case-event-marked_incomplete = als onvolledig aangemerkt
case-event-information_supplied = informatie aangevuld
case-event-completed = volledig bevonden
case-event-accepted = aanvaard
case-event-refused = geweigerd
case-event-company_joined = bedrijf neemt deel
case-event-company_declined = bedrijf neemt niet deel
case-event-neutral_assigned = bemiddelaar toegewezen
case-event-independence_declared = onafhankelijkheid verklaard
case-event-neutral_recused = bemiddelaar heeft zich teruggetrokken
case-event-conflict_disclosed = omstandigheid gemeld
case-event-disclosure_accepted = melding aanvaard
case-event-neutral_objected = bezwaar tegen de bemiddelaar
case-event-escalated = doorgestuurd naar een jurist
case-event-blind_bidding_consented = akkoord met dubbelblind bieden
case-event-blind_bidding_opened = dubbelblind bieden gestart
case-event-blind_limit_submitted = vertrouwelijke grens ingediend
case-event-blind_bidding_ended = dubbelblind bieden afgelopen
case-event-compliance_asked = naar nakoming gevraagd
case-event-compliance_reported = nakoming gemeld
case-event-reopened = heropend
case-event-round_opened = ronde geopend
case-event-round_lapsed = ronde verlopen
case-event-proposal_made = voorstel gedaan
case-event-proposal_accepted = voorstel aanvaard
case-event-proposal_rejected = voorstel afgewezen
case-event-agreed = akkoord bereikt
case-event-consent_revoked = instemming herroepen
case-event-settled = schikking getroffen
case-event-not_settled = geen schikking
case-event-withdrawn = ingetrokken
case-event-representative_appointed = vertegenwoordiger aangewezen
case-event-bundle_proposed = samen behandelen voorgesteld
case-event-bundle_answered = antwoord over samen behandelen
case-event-round_deadline_changed = termijn van de ronde gewijzigd
case-event-time_requested = meer tijd gevraagd
case-event-review_requested = controle door een medewerker gevraagd
case-event-review_answered = controle beantwoord
case-event-feedback_given = beoordeling gegeven
case-event-moderation_checked = moderatie gecontroleerd
case-event-moderated = gemodereerd
case-event-message_posted = bericht geplaatst
case-event-document_added = document toegevoegd
case-event-lapsed = vervallen
case-event-outcome_extended = termijn voor de uitkomst verlengd
case-event-closed = gesloten
case-event-archived = gearchiveerd
case-event-deadline_set = termijn gesteld
case-event-deadline_cleared = termijn opgeheven
case-event-all_deadlines_cleared = alle termijnen opgeheven
case-event-deadline_missed = termijn verstreken

## Het klachtformulier (case_new.html.hbs)

case-new-title = Een klacht indienen
case-new-intro = Vertel ons over uw klacht. Indienen is gratis en u hebt geen advocaat nodig. We controleren eerst of het dossier volledig is en beslissen daarna binnen drie weken of we de zaak kunnen behandelen.
case-new-duplicate = U hebt al een lopende zaak tegen dit bedrijf:
case-new-duplicate-next = U kunt daar iets aan die zaak toevoegen. Gaat het om een ander geschil, vink dan hieronder het vakje aan en verstuur het formulier opnieuw.
case-new-search-label = Zoek het bedrijf op naam, btw-nummer of webadres
case-new-search = Zoeken
case-new-company = Het bedrijf
case-new-not-found = Geen bedrijf gevonden voor “{ $q }”. Vul het hieronder in.
case-new-not-listed = Staat het er niet bij? Vul het bedrijf in:
case-new-company-name = Naam van het bedrijf
case-new-company-email = Het e-mailadres waarop het klachten ontvangt
case-new-company-domain = Het webadres (niet verplicht)
case-new-complaint = Uw klacht
case-new-kind = Soort
case-new-type-complaint = Een klacht: u wilt een oplossing van het bedrijf
case-new-type-incident = Een incident: u meldt een probleem
case-new-summary = Wat is er gebeurd?
case-new-outcome = Wat vraagt u?
case-new-remedy-refund = Terugbetaling
case-new-remedy-repair = Reparatie
case-new-remedy-replacement = Vervanging
case-new-remedy-discount = Korting
case-new-remedy-apology = Excuses
case-new-remedy-other = Iets anders
case-new-amount = Bedrag dat u vordert
case-new-currency = Munteenheid
case-new-language = Taal van de procedure
case-new-country = Land waar u woont (twee letters, zoals NL)
case-new-letter-yes = U komt via de brief van het bedrijf: het neemt deel aan onze procedure. Uw zaak vermeldt dat antwoord.
case-new-letter-no = U komt via de brief van het bedrijf: het neemt niet deel aan onze procedure. Uw zaak vermeldt dat antwoord.
case-new-prior = Uw klacht bij het bedrijf
case-new-prior-intro = We kunnen een geschil alleen behandelen als u eerst hebt geprobeerd het met het bedrijf op te lossen.
case-new-prior-on = Wanneer hebt u bij het bedrijf geklaagd?
case-new-prior-channel = Hoe?
case-new-how-email = Per e-mail
case-new-how-letter = Per brief
case-new-how-phone = Telefonisch
case-new-how-web_form = Via het webformulier van het bedrijf
case-new-how-in_person = Persoonlijk
case-new-prior-reference = De referentie van het bedrijf, als die er is
case-new-staff = Geregistreerd voor een consument (brief of telefoongesprek)
case-new-consumer-name = Naam van de consument
case-new-consumer-email = E-mailadres van de consument
case-new-received = Ontvangen per
case-new-received-post = post
case-new-received-phone = telefoon
case-new-public = Mijn klacht na moderatie publiceren, zonder mijn naam en contactgegevens
case-new-allow-duplicate = Dit is een ander geschil: dien het in als nieuwe zaak
case-new-submit = Mijn klacht indienen

## De verklaring van de bemiddelaar (declaration.html.hbs)

declaration-pending = U hebt een omstandigheid gemeld. De partijen kunnen tot de termijn afloopt bezwaar maken; doet geen van beide dat, dan gaat u verder met de zaak en ziet u het dossier. Maakt een partij bezwaar, dan gaat de zaak naar een andere bemiddelaar.
declaration-legend = Uw verklaring
declaration-independent = Ik verklaar dat ik onafhankelijk en onpartijdig ben tegenover beide partijen, en dat niets tot een belangenconflict kan leiden.
declaration-disclose = Ik beschouw mezelf als onafhankelijk, maar de partijen moeten op de hoogte zijn van een omstandigheid (zij kunnen bezwaar maken):
declaration-recuse = Ik trek mij terug, omdat:
declaration-reasons = De omstandigheid, of de redenen waarom u zich terugtrekt (in beide gevallen verplicht)
declaration-submit = Mijn verklaring versturen

case-deadline-passed = { $kind }: { $due }
case-time-left = { $days ->
    [0] { $hours ->
        [one] 1 uur
       *[other] { $hours } uur
    }
    [one] 1 dag en { $hours } uur
   *[other] { $days } dagen en { $hours } uur
}

## Pagina's voor mensen: startpagina, accounts, meldingen, fouten, over ons, controleren,
## openbare lijst, lijst van zaken en de doorverwijzingspagina voor de consument.

## Startpagina (home)

home-title = Los een geschil met een bedrijf op
home-intro = { $entity } helpt consumenten en bedrijven geschillen op te lossen zonder naar de rechter te gaan. Heeft een bedrijf uw klacht niet opgelost? Dan kunt u die hier voorleggen.
home-no-lawyer = U hebt geen advocaat nodig.
home-your-rights = U mag zich laten vertegenwoordigen of helpen door iemand die u zelf kiest. U kunt op elk moment stoppen, en meedoen belet u niet om naar de rechter te gaan.
home-about-link = Hoe wij werken
# Volgt direct op de link "Hoe wij werken" (zonder spatie ertussen).
home-about-after = : wie onze bemiddelaars zijn, onze regels, kosten, termijnen en wat een uitkomst voor u betekent.
home-verify-link = Controleer een document
# Volgt direct op de link "Controleer een document" (zonder spatie ertussen).
home-verify-after = {" "}dat wij hebben uitgegeven.
home-procedures = Procedures
home-procedure-free = { $name }: talen { $languages }; uitkomst binnen { $days } dagen na een volledig dossier; voor consumenten kosteloos.
home-procedure-fee = { $name }: talen { $languages }; uitkomst binnen { $days } dagen na een volledig dossier; voor consumenten { $fee }.

## Inloggen

login-title = Inloggen
login-notice-registered = Uw account is klaar. We hebben u een link gestuurd om uw e-mailadres te bevestigen; u kunt nu inloggen.
login-notice-reset = Uw nieuwe wachtwoord is opgeslagen. Log er nu mee in.
login-notice-welcome = Uw account is klaar. U kunt nu inloggen.
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Inloggen
login-no-account = Nog geen account?
login-register-link = Maak er een aan
login-forgot = Wachtwoord vergeten?
login-forgot-link = Kies een nieuw wachtwoord

## Registreren

register-title = Een account aanmaken
register-intro = Om een klacht tegen een bedrijf in te dienen, hebt u een account nodig. Indienen is kosteloos en u hebt geen advocaat nodig.
register-name = Uw naam
register-email = E-mailadres
register-password = Wachtwoord (minstens 12 tekens)
register-language = Taal
register-submit = Account aanmaken
register-already = Al geregistreerd?
register-login-link = Inloggen

## Wachtwoord vergeten

forgot-password-title = Wachtwoord vergeten?
forgot-password-intro = Vul het e-mailadres van uw account in. Als er een account bij hoort, sturen we een link om een nieuw wachtwoord te kiezen; de link werkt één uur.
forgot-password-email = E-mailadres
forgot-password-submit = Stuur mij een link

## Een wachtwoord kiezen (resetlink en uitnodiging)

choose-password-title-reset = Kies een nieuw wachtwoord
choose-password-title-invitation = Welkom: stel uw account in
choose-password-name = Uw naam
choose-password-password = Nieuw wachtwoord
choose-password-hint = (minstens 12 tekens; een paar losse woorden werken goed)
choose-password-button-reset = Nieuw wachtwoord opslaan
choose-password-button-invitation = Opslaan en doorgaan

## E-mailadres bevestigen

confirm-email-title = Bevestig uw e-mailadres
confirm-email-intro = Bevestig dat dit e-mailadres van u is, zodat berichten over uw zaken u bereiken.
confirm-email-submit = Mijn e-mailadres bevestigen

## Account

account-title = Uw account
account-notice-sent = We hebben een nieuwe bevestigingslink naar uw e-mailadres gestuurd.
account-name = Naam
account-email = E-mailadres
account-confirmed = (bevestigd)
account-not-confirmed = (nog niet bevestigd)
account-role-label = Rol
account-role-public = publiek
account-role-consumer = consument
account-role-company = bedrijf
account-role-neutral = bemiddelaar
account-role-staff = medewerker
account-role-system = systeem
account-language = Taal
account-confirmation-sent = We hebben u een link gestuurd om uw adres te bevestigen.
account-confirmation-resend = Stuur de link opnieuw
account-conflicts = Gemelde belangenconflicten
account-conflicts-intro = U wordt nooit toegewezen aan een zaak tegen een bedrijf of consument die hier staat.
account-conflicts-none = Geen gemeld.
account-conflict-with = Naam van het bedrijf, of het e-mailadres van een consument
account-conflict-reason = Waarom (bijvoorbeeld: vroegere werkgever, een familielid)
account-conflict-submit = Belangenconflict melden
account-training = Opleiding
account-training-intro = De opleidingen die u hebt gevolgd; het activiteitenverslag van de instantie telt ze mee.
account-training-completed = Afgerond
account-training-hours = Uren
account-training-course = Cursus
account-training-provider = Gegeven door
account-training-none = Nog niets vastgelegd.
account-training-completed-on = Afgerond op
account-training-submit = Opleiding vastleggen
account-data = Uw gegevens
account-export-link = Al mijn gegevens downloaden
# Volgt direct op de link "Al mijn gegevens downloaden" (zonder spatie ertussen).
account-export-after = : een zipbestand met alles wat wij over u bewaren en de bestanden die u hebt geüpload, om te bewaren of elders te gebruiken.
# $cases: de kenmerken van de lopende zaken.
account-erasure-pending = U hebt ons gevraagd uw gegevens te wissen. Ze worden gewist zodra uw lopende zaken ({ $cases }) zijn afgesloten; de wet staat ons toe te bewaren wat die zaken tot dan nodig hebben.
account-erasure-intro = Mijn account en persoonsgegevens wissen. Als u lopende zaken hebt, bewaren we wat die nodig hebben tot ze zijn afgesloten, en wissen we het daarna.
account-erasure-confirm = Ik begrijp dat dit niet ongedaan kan worden gemaakt.
account-erasure-submit = Mijn gegevens wissen
account-logout = Uitloggen

## Meldingen (de pagina nadat een stap is gedaan)

notice-erased-title = Uw gegevens zijn gewist
notice-erased-message = Uw account en persoonsgegevens zijn gewist. Dossiers die wij volgens de wet moeten bewaren, bevatten uw naam en contactgegevens niet meer.
notice-email-confirmed-title = E-mailadres bevestigd
notice-email-confirmed-message = Dank u: uw e-mailadres is bevestigd. Berichten over uw zaken komen voortaan daar aan.
notice-email-confirmed-next = Naar uw account
notice-reset-sent-title = Kijk in uw e-mail
notice-reset-sent-message = Als er een account bij dit adres hoort, hebben we er een link naartoe gestuurd om een nieuw wachtwoord te kiezen. De link werkt één uur.
notice-reset-sent-next = Terug naar inloggen
notice-referral-filed-title = Uw zaak is ingediend
notice-referral-filed-message = Uw klacht is nu zaak { $reference }. We controleren of we die kunnen behandelen en laten het u per e-mail weten. Had u nog geen account bij ons? Dan hebben we u een link gestuurd om een wachtwoord te kiezen, zodat u de zaak hier kunt volgen.
notice-referral-filed-next = Log in om uw zaak te volgen
notice-referral-declined-title = U hebt geweigerd
notice-referral-declined-message = We hebben het bedrijf laten weten dat u deze klacht niet aan ons voorlegt. U kunt op elk moment zelf nog een klacht indienen.
notice-referral-declined-next = Terug naar het begin

## Foutpagina

error-back = Terug naar de startpagina
error-title-400 = Ongeldig verzoek
error-title-401 = Niet ingelogd
error-title-403 = Geen toegang
error-title-404 = Niet gevonden
error-title-405 = Methode niet toegestaan
error-title-409 = Conflict
error-title-410 = Niet meer beschikbaar
error-title-413 = Te groot
error-title-415 = Niet-ondersteund formaat
error-title-422 = Onjuiste invoer
error-title-429 = Te veel verzoeken
error-title-500 = Interne fout
error-title-503 = Dienst niet beschikbaar
error-title-other = Fout

## Over ons: hoe wij werken

about-title = Hoe wij werken
# Volgt op de naam, het land en de website van de instantie.
about-intro = beslecht geschillen tussen consumenten en bedrijven buiten de rechter om. Wat volgt is samengesteld uit de regels waarop het portaal draait en uit de eigen gegevens van de bemiddelaars.
about-who = Wie uw zaak behandelt
about-neutral = Bemiddelaar
about-kind = Soort
about-languages = Talen
about-fields = Vakgebieden
about-employed-by = In dienst van of betaald door
about-mandate = Mandaat
about-employed-by-entity = de instantie
about-no-neutral = Er is nog geen bemiddelaar actief.
about-how-long = Hoe lang het duurt
about-average = Gemiddeld { $days } dagen van een volledig dossier tot het afsluiten van de zaak, over de laatste { $cases } afgesloten zaken.
about-no-case-closed = Er is nog geen zaak afgesloten.
about-procedure = { $name } ({ $id }, versie { $version })
about-fee = Kosten
about-time-limits = Termijnen
about-time-limits-text = een beslissing over de ontvankelijkheid binnen { $admissibility } dagen na een volledig dossier; het bedrijf antwoordt binnen { $answer } werkdagen; een uitkomst binnen { $outcome } dagen; hoogstens { $rounds } onderhandelingsrondes; { $reflection } dagen bedenktijd na een schikking
about-taking-part = Deelname
about-taking-part-mandatory = het bedrijf moet deelnemen; alleen de consument kan zich terugtrekken
about-taking-part-voluntary = vrijwillig voor beide partijen; elk kan zich op elk moment terugtrekken
about-legal-effect = Rechtsgevolg
about-refusal-grounds = Een zaak mag alleen worden geweigerd als:

## Een document controleren

verify-title = Controleer een document
verify-intro = Elk document van een schikking of uitkomst dat Redress uitgeeft, is een pdf die verzegeld is met de sleutel van de instantie. Kies er een om te controleren of het echt en ongewijzigd is. Het bestand wordt gecontroleerd en niet bewaard.
verify-result = Resultaat
verify-valid = Geldig document
# Vóór het kenmerk van de zaak (vetgedrukt).
verify-valid-before = Dit document van zaak
# Na het kenmerk van de zaak.
verify-valid-after = ({ $kind }, uitkomst { $outcome }) is ondertekend met sleutel { $key } op { $issued } en is niet gewijzigd.
verify-on-file = Het is het document dat Redress voor deze zaak heeft uitgegeven, en het auditlogboek bevat de vermelding ervan nog.
verify-not-on-file = Dit portaal heeft de zaak niet; de handtekening en het auditbewijs in het document kloppen.
verify-sha = SHA-256 van het document:
verify-invalid = Niet geldig
verify-file = Het document (pdf)
verify-submit = Controleren
verify-problem-expired = Dit formulier is verlopen. Probeer het opnieuw.
verify-problem-too-large = Het bestand is groter dan een document kan zijn.
verify-problem-no-file = Kies het pdf-bestand van het document.
# Vóór "POST /api/v1/verify".
verify-developers = Ontwikkelaars:
# Na "POST /api/v1/verify", vóór het adres van de sleutels.
verify-developers-text = met de pdf of het ondertekende document als JSON; de sleutels staan op

## Openbare klachten

public-cases-title = Openbare klachten
public-cases-intro = Klachten die de indieners na moderatie wilden publiceren. Namen, e-mailadressen, telefoonnummers en bankrekeningen worden niet getoond.
public-cases-asks-for = vraagt:
public-cases-status = status:
public-cases-older = Oudere klachten
public-cases-none = Nog geen openbare klachten.

## Lijst van zaken

cases-file-link = Dien een klacht in tegen een bedrijf
cases-case = Zaak
cases-company = Bedrijf
cases-status = Status
cases-claim = Vordering
cases-filed = Ingediend
cases-older = Oudere zaken
cases-none = Er zijn hier nog geen zaken.

## Een bedrijf verwijst de klacht van de consument door

referral-title = { $company } verwijst uw klacht door
referral-intro = { $company } kon uw klacht niet oplossen in de eigen klachtenprocedure en biedt aan die hier te laten behandelen, door een onafhankelijke dienst. { $company } doet mee. U beslist: neem de klacht over, met alles wat u wilt toevoegen, of weiger.
referral-sent-us = Wat { $company } ons stuurde
referral-their-reference = Hun kenmerk
referral-complained-on = U klaagde op
referral-asked = Wat u vroeg
referral-offered = Wat { $company } aanbood
referral-final-answer = Het definitieve antwoord
referral-you-ask = Wat u vraagt
referral-documents = Documenten die { $company } stuurde
referral-documents-note = Ze komen in uw dossier als u de klacht overneemt.
referral-take-on = Leg de klacht aan ons voor
referral-addition = Iets toe te voegen of te verbeteren, in uw eigen woorden (niet verplicht)
referral-remedy-refund = Terugbetaling
referral-remedy-repair = Reparatie
referral-remedy-replacement = Vervanging
referral-remedy-discount = Korting
referral-remedy-apology = Excuses
referral-remedy-other = Iets anders
referral-amount = Bedrag dat u vordert ({ $currency }; laat leeg om { $amount } te houden)
referral-public = Mijn klacht publiceren, zonder mijn naam en contactgegevens, na moderatie
referral-confirm-submit = Mijn klacht voorleggen aan de geschillendienst
referral-decline = Weigeren
referral-decline-reason = Waarom, als u dat wilt zeggen ({ $company } leest het)
referral-decline-submit = Nee, ik ga hier niet verder mee
referral-open-until = Deze uitnodiging staat open tot { $date }.
referral-closed-confirmed = U hebt deze klacht overgenomen: het is nu een zaak. Log in om die te volgen.
referral-closed-declined = U hebt deze uitnodiging geweigerd.
referral-closed-expired = Deze uitnodiging is verlopen. U kunt nog altijd zelf een klacht indienen.
cases-caption-consumer = Uw zaken
cases-caption-company = De zaken van uw bedrijf
cases-caption-neutral = Uw dossiers
cases-caption-all = Alle zaken
cases-by-deadline = (de eerstvolgende termijn eerst)
cases-next-deadline = Volgende termijn

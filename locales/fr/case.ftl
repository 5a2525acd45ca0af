## Le dossier (case.html.hbs), le formulaire de réclamation (case_new.html.hbs) et la
## déclaration du médiateur (declaration.html.hbs).

case-title = Dossier { $reference }
case-done = C’est fait. Toutes les personnes concernées ont été informées.

## Dossier : l’accusé de réception après le dépôt

case-ack-label = Accusé de réception
case-registered = Votre dossier est enregistré
case-your-reference = Votre référence est
case-registered-next = Nous avons envoyé un accusé de réception à votre adresse e-mail ; conservez-le. Nous vous informons, vous et l’entreprise, à chaque étape. Vous pouvez vous retirer à tout moment, et participer ne vous empêche pas de saisir la justice.

## Dossier : les informations

case-dt-status = État
case-dt-company = Entreprise
case-dt-kind = Type
case-dt-claim = Demande
case-dt-filed = Déposé le
case-dt-procedure = Procédure

case-status-submitted = déposé
case-status-incomplete = incomplet
case-status-complete = complet
case-status-refused = refusé
case-status-accepted = accepté
case-status-assigned = confié à un médiateur
case-status-negotiating = en négociation
case-status-agreed = accord trouvé, délai de réflexion en cours
case-status-settled = accord conclu
case-status-not_settled = sans accord
case-status-withdrawn = retiré
case-status-lapsed = caduc
case-status-closed = clôturé
case-status-archived = archivé

case-type-complaint = réclamation
case-type-incident = incident

case-remedy-refund = remboursement
case-remedy-repair = réparation
case-remedy-replacement = remplacement
case-remedy-discount = réduction
case-remedy-apology = excuses
case-remedy-other = autre chose

case-channel-web = site web
case-channel-api = API
case-channel-post = courrier
case-channel-phone = téléphone
case-channel-referral = transmis par un autre organisme

case-download = Téléchargez le dossier complet pour le conserver :
case-what-happened = Ce qui s’est passé
case-missing = Informations manquantes

## Dossier : l’acte signé

case-record = Acte signé
case-record-intro = { $kind ->
        [settlement] L’acte d’accord
       *[other] L’acte de clôture
    } de ce dossier, signé par l’organisme de médiation :
case-record-download = télécharger le PDF
case-record-hash = SHA-256 de l’acte
case-record-keep = Conservez-le ; chacun peut le vérifier sur

## Dossier : délais

case-deadlines = Délais
case-deadline = { $kind } : { $due } (reste { $left })
case-deadline-kind-completeness_check = contrôle de complétude
case-deadline-kind-admissibility = recevabilité
case-deadline-kind-company_answer = réponse de l’entreprise
case-deadline-kind-round = tour de négociation
case-deadline-kind-outcome = issue
case-deadline-kind-reflection = délai de réflexion
case-deadline-kind-objection = objection
case-deadline-kind-performance = exécution
case-overdue = dépassé

## Dossier : propositions

case-proposals = Propositions
case-col-number = N°
case-col-round = Tour
case-col-from = De
case-col-amount = Montant
case-col-terms = Conditions
case-col-status = État
case-proposal-standing = (en cours)
case-proposal-within = { $days ->
        [one] (sous { $days } jour)
       *[other] (sous { $days } jours)
    }
case-proposal-status-open = ouverte
case-proposal-status-superseded = remplacée
case-proposal-status-rejected = rejetée
case-proposal-status-settled = acceptée (accord)

case-author-consumer = consommateur
case-author-company = entreprise
case-author-neutral = médiateur

case-accepted-so-far = Acceptations jusqu’ici :
case-accepted-consumer = consommateur
case-accepted-company = entreprise
case-accepted-number = n° { $number }
case-accepted-not-yet = pas encore

case-escalated = Ce dossier a été transmis à l’un des juristes de l’organisme, conformément aux règles de la procédure.

## Dossier : ce que le médiateur a signalé

case-disclosure = Le médiateur a signalé une circonstance
case-disclosure-legend = Votre réponse à ce signalement
case-disclosure-no-objection = Je n’ai pas d’objection : le médiateur peut poursuivre
case-disclosure-objection = Je m’y oppose : un autre médiateur doit reprendre le dossier
case-disclosure-reason = Motif (obligatoire en cas d’objection)
case-answer = Répondre
case-disclosure-recorded = Votre réponse est enregistrée. Si personne ne s’y oppose avant la date limite, le médiateur poursuit.

## Dossier : désigner un médiateur, tours de négociation

case-assign = Désigner un médiateur
case-assign-neutral = Numéro de compte du médiateur (laissez vide pour que Redress choisisse le plus adapté)
case-assign-submit = Désigner
case-round = Ouvrir le tour suivant
case-round-deadline = Date limite (laissez vide pour la durée de tour prévue par la procédure)
case-round-submit = Ouvrir le tour

## Dossier : répondre aux propositions et en faire

case-standing-answer = Répondre à la proposition en cours (n° { $number })
case-read-before = Avant d’accepter, veuillez lire :
case-notice-0 = Vous êtes libre de refuser cette proposition ; participer ne vous oblige pas à l’accepter.
case-notice-1 = Accepter ne vous empêche pas de saisir la justice ; la procédure ne vous retire pas ce droit.
case-notice-2 = La solution proposée peut être différente de celle que retiendrait un tribunal appliquant la loi.
case-notice-3 = Si les deux parties acceptent, l’accord vous lie une fois le délai de réflexion écoulé sans qu’aucune des parties ne l’ait révoqué.
case-notices-read = J’ai lu ces informations.
case-accept-submit = Accepter la proposition n° { $number }
case-reject-reason = Ou refusez-la, parce que :
case-reject-submit = Refuser
case-propose = Faire une proposition
case-offer-amount = Montant (EUR)
case-offer-terms = Conditions
case-offer-days = Jours pour l’exécuter
case-offer-notices = J’ai lu ces informations (obligatoire pour une partie).
case-offer-submit = Envoyer la proposition
case-time = Demander plus de temps
case-time-reason = Le médiateur peut repousser la date limite du tour. Pourquoi avez-vous besoin de plus de temps ?
case-time-submit = Demander au médiateur

## Dossier : offres à double insu

case-blind = Trouver un accord par des offres à double insu ?
case-blind-explain = Chaque partie indique une limite en toute confidentialité : le minimum que vous acceptez (consommateur) ou le maximum que vous payez (entreprise). Si les limites ne s’écartent pas de plus de { $margin }{"\u00A0"}% l’une de l’autre, le dossier est réglé à mi-chemin entre les deux ; sinon, personne ne connaît le montant de l’autre partie et la négociation continue. Cela commence quand les deux parties ont accepté.
case-blind-notices = J’ai lu ces informations et j’accepte que des limites compatibles m’engagent comme une acceptation.
case-blind-submit = J’accepte les offres à double insu
case-blind-waiting = Vous avez accepté les offres à double insu ; cela commence quand l’autre partie accepte aussi.
case-blind-limit = Votre limite confidentielle
case-blind-amount = Votre limite ({ $currency }) ; l’autre partie ne la voit jamais
case-blind-limit-submit = Envoyer ma limite
case-blind-own-limit = Votre limite confidentielle : { $limit }.
case-blind-other-waiting = En attente de la limite de l’autre partie.

## Dossier : exécution après un accord

case-compliance = L’entreprise a-t-elle fait ce qu’elle avait accepté ?
case-compliance-due = L’entreprise a jusqu’au { $due } pour exécuter l’accord.
case-compliance-confirm = Vous pouvez confirmer à tout moment qu’elle l’a fait ; si elle ne le fait pas, prévenez-nous après cette date.
case-complied-legend = Votre réponse
case-complied-yes = Oui, elle l’a fait
case-complied-no = Non, elle ne l’a pas fait : le dossier est repris
case-compliance-comment = Ce qui manque, ou ce que vous souhaitez ajouter
case-send = Envoyer

## Dossier : révoquer, prolonger, clôturer, se retirer

case-revoke = Délai de réflexion
case-revoke-reason = Vous pouvez encore révoquer votre consentement, parce que :
case-revoke-submit = Révoquer mon consentement
case-extend = Prolonger le délai pour une issue (une seule fois)
case-extend-until = Nouvelle date
case-extend-reasons = Pourquoi le litige est complexe
case-extend-submit = Prolonger
case-close = Clôturer le dossier
case-close-outcome = Issue
case-close-not-settled = sans accord (met fin à la médiation)
case-close-reasons = Motifs (les deux parties les reçoivent)
case-close-submit = Clôturer
case-withdraw = Se retirer
case-withdraw-reason = Vous pouvez vous retirer à tout moment. Motif :
case-withdraw-submit = Me retirer de la procédure

## Dossier : représentants

case-representatives = Représentants
case-representative = { $name } agit pour { $side ->
        [consumer] le consommateur
       *[other] l’entreprise
    }

## Dossier : réexamen humain des étapes automatiques

case-review = Étapes accomplies automatiquement par Redress
case-review-explain = Les étapes marquées « system » dans l’historique ont été accomplies automatiquement. Vous pouvez demander qu’une personne les réexamine.
case-review-reason = Que faut-il réexaminer, et pourquoi ?
case-review-submit = Demander un réexamen par une personne
case-review-asked = Une partie a demandé un réexamen par une personne
case-review-answer = Votre réponse (les deux parties la reçoivent)

## Dossier : avis

case-feedback = La procédure a-t-elle résolu votre réclamation ?
case-resolved-legend = Votre réclamation a-t-elle été résolue ?
case-yes = Oui
case-no = Non
case-rating = Quelle note donnez-vous à la procédure ? (1 mauvaise – 5 excellente)
case-feedback-comment = Ce que vous souhaitez nous dire (facultatif)

## Dossier : traitement groupé

case-bundle = Pouvons-nous traiter votre dossier avec des dossiers similaires ?
case-bundle-explain = D’autres consommateurs ont déposé des réclamations semblables à la vôtre contre { $company }. Traitée en commun, la procédure peut être plus rapide et son issue plus cohérente. Votre dossier reste le vôtre : vous gardez votre propre demande et pouvez toujours vous retirer.
case-bundle-legend = Votre réponse
case-bundle-yes = Oui, j’accepte
case-bundle-no = Non, traitez mon dossier séparément

## Dossier : informations manquantes, complétude, recevabilité, participation

case-information = Compléter les informations manquantes
case-prior-on = Quand vous êtes-vous plaint auprès de l’entreprise ?
case-prior-channel = Comment ?
case-prior-reference = La référence de l’entreprise, s’il y en a une
case-note = Tout autre élément que nous avons demandé
case-completeness = Contrôle de complétude
case-completeness-missing = Ce qui manque (un élément par ligne ; laissez vide si le dossier est complet)
case-completeness-submit = Enregistrer le contrôle
case-admissibility = Recevabilité
case-decision-legend = Votre décision
case-accept = Accepter
case-refuse = Refuser, pour le motif
case-refusal-ground = Motif de refus
case-ground-no_prior_complaint = le consommateur n’a pas d’abord tenté de résoudre le problème avec l’entreprise
case-ground-frivolous_or_vexatious = le litige est fantaisiste ou vexatoire
case-ground-handled_elsewhere = le litige est ou a déjà été traité par un autre organisme de règlement des litiges ou par un tribunal
case-ground-claim_value_out_of_range = la valeur de la demande est en dehors des limites de cette procédure
case-ground-filed_too_late = le dossier a été déposé après le délai prévu par cette procédure
case-ground-impairs_operation = son traitement compromettrait gravement le fonctionnement du service
case-admissibility-reasons = Motifs (communiqués aux deux parties)
case-decide = Décider
case-participation = L’entreprise participe-t-elle ?
case-takes-part-legend = Votre réponse
case-takes-part-yes = Oui, nous participons
case-takes-part-no = Non, parce que :
case-participation-reasons = Motifs

## Dossier : messages et documents

case-messages = Messages
case-internal-note = (note interne)
case-no-messages = Pas encore de messages.
case-message-body = Votre message
case-message-internal = Note interne (les parties ne la voient pas)
case-documents = Documents
case-document-size = { $size } octets
case-no-documents = Pas encore de documents.
case-document-add = Ajouter un document (PDF, JPEG, PNG ou texte, { $max } Kio au maximum)
case-upload = Téléverser

## Dossier : l’historique, un message par type d’événement

case-timeline = Historique
case-event-filed = déposé
case-event-marked_incomplete = déclaré incomplet
case-event-information_supplied = informations complétées
case-event-completed = déclaré complet
case-event-accepted = accepté
case-event-refused = refusé
case-event-company_joined = l’entreprise participe
case-event-company_declined = l’entreprise refuse de participer
case-event-neutral_assigned = médiateur désigné
case-event-independence_declared = indépendance déclarée
case-event-neutral_recused = le médiateur s’est déporté
case-event-conflict_disclosed = circonstance signalée
case-event-disclosure_accepted = signalement accepté
case-event-neutral_objected = objection contre le médiateur
case-event-escalated = transmis à un juriste
case-event-blind_bidding_consented = accord pour les offres à double insu
case-event-blind_bidding_opened = offres à double insu ouvertes
case-event-blind_limit_submitted = limite confidentielle envoyée
case-event-blind_bidding_ended = offres à double insu terminées
case-event-compliance_asked = exécution demandée
case-event-compliance_reported = exécution signalée
case-event-reopened = rouvert
case-event-round_opened = tour ouvert
case-event-round_lapsed = tour expiré
case-event-proposal_made = proposition faite
case-event-proposal_accepted = proposition acceptée
case-event-proposal_rejected = proposition refusée
case-event-agreed = accord trouvé
case-event-consent_revoked = consentement révoqué
case-event-settled = accord conclu
case-event-not_settled = sans accord
case-event-withdrawn = retiré
case-event-representative_appointed = représentant désigné
case-event-bundle_proposed = traitement groupé proposé
case-event-bundle_answered = réponse sur le traitement groupé
case-event-round_deadline_changed = date limite du tour modifiée
case-event-time_requested = délai supplémentaire demandé
case-event-review_requested = réexamen demandé
case-event-review_answered = réponse au réexamen
case-event-feedback_given = avis donné
case-event-moderation_checked = modération vérifiée
case-event-moderated = modéré
case-event-message_posted = message envoyé
case-event-document_added = document ajouté
case-event-lapsed = caduc
case-event-outcome_extended = délai pour l’issue prolongé
case-event-closed = clôturé
case-event-archived = archivé
case-event-deadline_set = délai fixé
case-event-deadline_cleared = délai levé
case-event-all_deadlines_cleared = tous les délais levés
case-event-deadline_missed = délai dépassé

## Le formulaire de réclamation (case_new.html.hbs)

case-new-title = Déposer une réclamation
case-new-intro = Parlez-nous de votre réclamation. Le dépôt est gratuit et vous n’avez pas besoin d’avocat. Nous vérifions d’abord que le dossier est complet, puis nous décidons dans les trois semaines si nous pouvons le traiter.
case-new-duplicate = Vous avez déjà un dossier en cours contre cette entreprise :
case-new-duplicate-next = Vous pouvez compléter ce dossier-là. S’il s’agit d’un autre litige, cochez la case ci-dessous et renvoyez le formulaire.
case-new-search-label = Trouvez l’entreprise par son nom, son numéro de TVA ou son adresse web
case-new-search = Rechercher
case-new-company = L’entreprise
case-new-not-found = Aucune entreprise trouvée pour « { $q } ». Saisissez-la ci-dessous.
case-new-not-listed = Elle n’est pas dans la liste ? Saisissez l’entreprise :
case-new-company-name = Nom de l’entreprise
case-new-company-email = L’adresse e-mail à laquelle elle reçoit les réclamations
case-new-company-domain = Son adresse web (facultatif)
case-new-complaint = Votre réclamation
case-new-kind = Type
case-new-type-complaint = Une réclamation : vous attendez une solution de l’entreprise
case-new-type-incident = Un incident : vous signalez un problème
case-new-summary = Que s’est-il passé ?
case-new-outcome = Que demandez-vous ?
case-new-remedy-refund = Un remboursement
case-new-remedy-repair = Une réparation
case-new-remedy-replacement = Un remplacement
case-new-remedy-discount = Une réduction
case-new-remedy-apology = Des excuses
case-new-remedy-other = Autre chose
case-new-amount = Montant demandé
case-new-currency = Devise
case-new-language = Langue de la procédure
case-new-country = Pays où vous habitez (deux lettres, par exemple FR)
case-new-letter-yes = Vous venez de la lettre de l’entreprise : elle participe à notre procédure. Votre dossier porte sa réponse.
case-new-letter-no = Vous venez de la lettre de l’entreprise : elle ne participe pas à notre procédure. Votre dossier porte sa réponse.
case-new-prior = Votre réclamation auprès de l’entreprise
case-new-prior-intro = Nous ne pouvons traiter un litige que si vous avez d’abord essayé de le résoudre avec l’entreprise.
case-new-prior-on = Quand vous êtes-vous plaint auprès d’elle ?
case-new-prior-channel = Comment ?
case-new-how-email = Par e-mail
case-new-how-letter = Par courrier
case-new-how-phone = Par téléphone
case-new-how-web_form = Par son formulaire en ligne
case-new-how-in_person = En personne
case-new-prior-reference = La référence de l’entreprise, s’il y en a une
case-new-staff = Enregistré pour un consommateur (courrier ou appel)
case-new-consumer-name = Nom du consommateur
case-new-consumer-email = Adresse e-mail du consommateur
case-new-received = Reçu par
case-new-received-post = courrier
case-new-received-phone = téléphone
case-new-public = Publier ma réclamation, sans mon nom ni mes coordonnées, après modération
case-new-allow-duplicate = Il s’agit d’un autre litige : l’enregistrer comme nouveau dossier
case-new-submit = Déposer ma réclamation

## La déclaration du médiateur (declaration.html.hbs)

declaration-pending = Vous avez signalé une circonstance. Les parties peuvent s’y opposer jusqu’à la date limite ; si aucune ne le fait, vous poursuivez le dossier et vous voyez son contenu. Si l’une d’elles s’y oppose, le dossier est confié à un autre médiateur.
declaration-legend = Votre déclaration
declaration-independent = Je déclare être indépendant et impartial à l’égard des deux parties, et que rien ne pourrait donner lieu à un conflit d’intérêts.
declaration-disclose = Je me considère comme indépendant, mais les parties doivent être informées d’une circonstance (elles peuvent s’y opposer) :
declaration-recuse = Je me déporte, parce que :
declaration-reasons = La circonstance, ou les raisons du déport (obligatoire dans les deux cas)
declaration-submit = Envoyer ma déclaration

case-deadline-passed = { $kind } : { $due }
case-time-left = { $days ->
    [0] { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    }
    [one] 1 jour et { $hours } heures
   *[other] { $days } jours et { $hours } heures
}

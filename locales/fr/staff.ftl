# Staff pages (triage, moderation, mail, dashboard, reports) and the company pages
# (scorecard, referrals).

## Triage

triage-intro = Dossiers en attente d'un contrôle de complétude ou d'une décision de recevabilité, l'échéance la plus proche d'abord. Les dossiers en retard sont signalés.
triage-count = { $count ->
    [one] { $count } dossier
   *[other] { $count } dossiers
}
triage-case = Dossier
triage-company = Entreprise
triage-task = Tâche
triage-due = Échéance
triage-overdue = en retard
triage-empty = Aucune décision n'est en attente.

## Moderation

moderation-intro = Plaintes publiques retenues parce que leur texte contient des mots des listes de modération. Publiez-les, ou écartez-les de la liste publique en donnant un motif.
moderation-flagged = Mots signalés :
moderation-decision = Décision sur { $reference }
moderation-publish = Publier
moderation-hold = Ne pas publier
moderation-reasons = Motifs (obligatoires si vous ne publiez pas)
moderation-decide = Décider
moderation-empty = Rien n'est retenu pour examen.

## Mail held for review

mail-title = Courrier reçu à examiner
mail-intro = Réponses qui ne prouvent pas à quel dossier elles appartiennent, qui viennent d'une adresse non enregistrée pour la partie, qui concernent un dossier clos, qui ont été écrites par une machine ou qui n'ont pas pu être lues. Rien de ceci n'arrive dans un dossier tant que vous ne l'y placez pas.
mail-from = De
mail-received = , reçu le { $at }
mail-held-because = Retenu parce que :
mail-case = Dossier
mail-side = comme message de la partie
mail-side-company = entreprise
mail-side-consumer = consommateur
mail-assign = Le placer dans le dossier
mail-discard-reason = Ou l'écarter, parce que
mail-discard = Écarter
mail-empty = Rien n'est retenu.

## Dashboard

dashboard-summary = { $open ->
    [one] { $open } dossier ouvert. Situation au { $at }.
   *[other] { $open } dossiers ouverts. Situation au { $at }.
}
dashboard-activity-report = Rapport d'activité
dashboard-mail = Courrier à examiner
dashboard-overdue = En retard
dashboard-case = Dossier
dashboard-time-limit = Délai
dashboard-was-due = Échéance dépassée
dashboard-due = Échéance
dashboard-state = État
dashboard-overdue-none = Rien n'est en retard.
dashboard-week = Échéance dans les sept prochains jours
dashboard-week-none = Rien n'arrive à échéance cette semaine.
dashboard-states = Dossiers par état
dashboard-cases = Dossiers
dashboard-caseload = Charge par médiateur
dashboard-neutral = Médiateur
dashboard-open-cases = Dossiers ouverts
dashboard-capacity = Capacité
dashboard-load = Charge (%)
dashboard-caseload-none = Aucun médiateur n'est encore actif.
dashboard-stages = Durée par étape
dashboard-stages-caption = Jours en moyenne, sur les derniers dossiers terminés
dashboard-stage = Étape
dashboard-from-to = De … à
dashboard-mean-days = Jours en moyenne

## Activity report

reports-title = Rapport d'activité { $period }
reports-year = Année
reports-covering = Période
reports-one-year = un an (rapport annuel)
reports-two-years = deux ans (rapport à l'autorité)
reports-show = Afficher
reports-download = Télécharger :
reports-assessment-biennial = Évaluation et recommandations sur les problèmes récurrents, pour l'autorité (10 000 caractères au plus)
reports-assessment-annual = Évaluation de l'efficacité de l'année (10 000 caractères au plus)
reports-save-assessment = Enregistrer l'évaluation

## A company's scorecard

company-title = { $company } : fiche d'évaluation
company-period = Dossiers transmis à l'entreprise depuis { $from } (les { $months } derniers mois).
company-score = Note
company-out-of = sur 100
company-parts-caption = Les composantes de la note
company-part = Composante
company-weight = Poids
company-value = Valeur (%)
company-no-score = Pas encore de note : une entreprise est notée dès qu'elle a au moins { $min } dossiers en { $months } mois. Les chiffres ci-dessous sont tout de même affichés.
company-figures = Chiffres
company-received = Dossiers reçus
company-answered = Réponses de l'entreprise
company-median-answer = Délai médian jusqu'à la première réponse
company-hours = { $hours } heures
company-resolved = Résolus, selon les mots du consommateur
company-of = { $part } sur { $whole } ({ $rate } %)
company-satisfaction = Satisfaction (de 1 à 5)
company-satisfaction-value = { $satisfaction } sur la base de { $ratings } avis
company-complied = Accords exécutés comme convenu
company-trend = Mois par mois
company-trend-caption = Les chiffres du graphique
company-month = Mois
company-trend-received = Reçus
company-trend-answered = Avec réponse
company-trend-resolved = Résolus
company-method = Comment la note est calculée
company-reply = La réponse de l'entreprise
company-no-reply = L'entreprise n'a pas répondu.
company-reply-label = Votre réponse, visible par tous (1 000 caractères au plus ; laissez vide pour la supprimer)
company-reply-submit = Publier la réponse

## A company's referrals

company-referrals-title = Transmettre une plainte
company-referrals-intro = Lorsque votre propre procédure de réclamation se termine sans accord, transmettez ici la plainte avec son historique. Le consommateur reçoit un e-mail dans sa langue et décide s'il donne suite ; vous recevez sa réponse. En transmettant la plainte, vous participez à la procédure.
company-referrals-yours = Vos transmissions
company-referrals-your-reference = Votre référence
company-referrals-consumer = Consommateur
company-referrals-sent = Envoyée le
company-referrals-answer = Réponse
company-referrals-documents = Documents
company-referrals-case = Dossier
company-referrals-status-invited = invitation envoyée
company-referrals-status-confirmed = acceptée
company-referrals-status-declined = refusée
company-referrals-status-expired = expirée
company-referrals-none = Aucune pour l'instant.
company-referrals-the-consumer = Le consommateur
company-referrals-name = Nom
company-referrals-email = Adresse e-mail
company-referrals-language = Langue
company-referrals-the-complaint = La plainte dans votre procédure
company-referrals-kind = Type
company-referrals-kind-complaint = plainte
company-referrals-kind-incident = incident
company-referrals-complained-on = Date de la réclamation du consommateur
company-referrals-channel = Par quel moyen (e-mail, téléphone, lettre, magasin …)
company-referrals-asked = Ce que le consommateur a demandé
company-referrals-offered = Ce que vous avez proposé
company-referrals-final-answer = Votre réponse définitive
company-referrals-outcome = Le consommateur demande
company-referrals-outcome-refund = un remboursement
company-referrals-outcome-repair = une réparation
company-referrals-outcome-replacement = un remplacement
company-referrals-outcome-discount = une réduction
company-referrals-outcome-apology = des excuses
company-referrals-outcome-other = autre chose
company-referrals-amount = Montant en jeu (EUR)
company-referrals-documents-label = Documents de votre procédure (facultatif, { $max } au plus : lettres, reçus, photos)
company-referrals-submit = Transmettre la plainte
company-referrals-import = Transmettre de nombreuses plaintes avec un fichier CSV
company-referrals-imported = Importé : { $created ->
    [one] { $created } consommateur invité
   *[other] { $created } consommateurs invités
}, { $already } déjà transmis.
company-referrals-import-failed = Rien n'a été importé. Corrigez ces lignes et renvoyez le fichier complet :
company-referrals-problem = Ligne { $line }, { $field } : { $message }
company-referrals-columns = Une ligne d'en-tête nomme les colonnes, dans n'importe quel ordre :
company-referrals-csv-format = Dates au format 2026-02-10, montants en centimes. Chaque ligne est d'abord vérifiée ; une seule ligne erronée et rien n'est importé.
company-referrals-file = Fichier CSV (1 000 lignes au plus)
company-referrals-import-submit = Importer les transmissions

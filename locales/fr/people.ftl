## Pages pour les personnes : accueil, comptes, avis, erreurs, à propos, vérification,
## liste publique, liste des dossiers et page de renvoi pour le consommateur.

## Page d'accueil (home)

home-title = Réglez un litige avec une entreprise
home-intro = { $entity } aide les consommateurs et les entreprises à régler leurs litiges sans passer par le tribunal. Si une entreprise n'a pas résolu votre réclamation, vous pouvez la soumettre ici.
home-no-lawyer = Vous n'avez pas besoin d'avocat.
home-your-rights = Vous pouvez vous faire représenter ou aider par la personne de votre choix. Vous pouvez vous retirer à tout moment, et votre participation ne vous empêche pas de saisir le tribunal.
home-about-link = Notre fonctionnement
# Suit directement le lien « Notre fonctionnement » (sans espace entre les deux).
home-about-after = {" "}: qui sont nos médiateurs, nos règles, nos frais, nos délais et ce qu'une issue signifie pour vous.
home-verify-link = Vérifiez un document
# Suit directement le lien « Vérifiez un document » (sans espace entre les deux).
home-verify-after = {" "}que nous avons délivré.
home-procedures = Procédures
home-procedure-free = { $name } : langues { $languages } ; issue dans les { $days } jours suivant un dossier complet ; gratuit pour les consommateurs.
home-procedure-fee = { $name } : langues { $languages } ; issue dans les { $days } jours suivant un dossier complet ; pour les consommateurs { $fee }.

## Connexion

login-title = Se connecter
login-notice-registered = Votre compte est prêt. Nous vous avons envoyé un lien pour confirmer votre adresse e-mail ; vous pouvez vous connecter dès maintenant.
login-notice-reset = Votre nouveau mot de passe est enregistré. Veuillez vous connecter avec celui-ci.
login-notice-welcome = Votre compte est prêt. Veuillez vous connecter.
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-no-account = Pas encore de compte ?
login-register-link = Créez-en un
login-forgot = Mot de passe oublié ?
login-forgot-link = Choisissez-en un nouveau

## Inscription

register-title = Créer un compte
register-intro = Pour déposer une réclamation contre une entreprise, vous avez besoin d'un compte. Le dépôt est gratuit et vous n'avez pas besoin d'avocat.
register-name = Votre nom
register-email = Adresse e-mail
register-password = Mot de passe (au moins 12 caractères)
register-language = Langue
register-submit = Créer le compte
register-already = Déjà inscrit ?
register-login-link = Connectez-vous

## Mot de passe oublié

forgot-password-title = Mot de passe oublié ?
forgot-password-intro = Saisissez l'adresse e-mail de votre compte. Si un compte y est associé, nous envoyons un lien pour choisir un nouveau mot de passe ; le lien est valable une heure.
forgot-password-email = Adresse e-mail
forgot-password-submit = Envoyez-moi un lien

## Choisir un mot de passe (lien de réinitialisation et invitation)

choose-password-title-reset = Choisissez un nouveau mot de passe
choose-password-title-invitation = Bienvenue : configurez votre compte
choose-password-name = Votre nom
choose-password-password = Nouveau mot de passe
choose-password-hint = (au moins 12 caractères ; quelques mots sans rapport entre eux conviennent bien)
choose-password-button-reset = Enregistrer le nouveau mot de passe
choose-password-button-invitation = Enregistrer et continuer

## Confirmer l'adresse e-mail

confirm-email-title = Confirmez votre adresse e-mail
confirm-email-intro = Confirmez que cette adresse e-mail est bien la vôtre, afin que les avis concernant vos dossiers vous parviennent.
confirm-email-submit = Confirmer mon adresse e-mail

## Compte

account-title = Votre compte
account-notice-sent = Nous avons envoyé un nouveau lien de confirmation à votre adresse e-mail.
account-name = Nom
account-email = Adresse e-mail
account-confirmed = (confirmée)
account-not-confirmed = (pas encore confirmée)
account-role-label = Rôle
account-role-public = public
account-role-consumer = consommateur
account-role-company = entreprise
account-role-neutral = médiateur
account-role-staff = personnel
account-role-system = système
account-language = Langue
account-confirmation-sent = Nous vous avons envoyé un lien pour confirmer votre adresse.
account-confirmation-resend = Renvoyer le lien
account-conflicts = Conflits d'intérêts déclarés
account-conflicts-intro = Vous n'êtes jamais désigné pour un dossier contre une entreprise ou un consommateur figurant ici.
account-conflicts-none = Aucun conflit déclaré.
account-conflict-with = Nom de l'entreprise, ou adresse e-mail d'un consommateur
account-conflict-reason = Pourquoi (par exemple : ancien employeur, un proche)
account-conflict-submit = Déclarer le conflit
account-training = Formation
account-training-intro = Les formations que vous avez suivies ; le rapport d'activité de l'entité les prend en compte.
account-training-completed = Terminée le
account-training-hours = Heures
account-training-course = Formation
account-training-provider = Dispensée par
account-training-none = Aucune formation enregistrée pour l'instant.
account-training-completed-on = Terminée le
account-training-submit = Enregistrer la formation
account-data = Vos données
account-export-link = Télécharger toutes mes données
# Suit directement le lien « Télécharger toutes mes données » (sans espace entre les deux).
account-export-after = {" "}: un fichier zip contenant tout ce que nous détenons à votre sujet et les fichiers que vous avez envoyés, à conserver ou à emporter ailleurs.
# $cases : les références des dossiers en cours.
account-erasure-pending = Vous nous avez demandé d'effacer vos données. Elles seront effacées lorsque vos dossiers en cours ({ $cases }) seront clos ; la loi nous permet de conserver d'ici là ce dont ils ont besoin.
account-erasure-intro = Effacer mon compte et mes données personnelles. Si vous avez des dossiers en cours, nous conservons ce dont ils ont besoin jusqu'à leur clôture, puis nous l'effaçons.
account-erasure-confirm = Je comprends que cette action est irréversible.
account-erasure-submit = Effacer mes données
account-logout = Se déconnecter

## Avis (la page affichée une fois une étape accomplie)

notice-erased-title = Vos données sont effacées
notice-erased-message = Votre compte et vos données personnelles sont effacés. Les dossiers que la loi nous oblige à conserver ne contiennent plus votre nom ni vos coordonnées.
notice-email-confirmed-title = Adresse e-mail confirmée
notice-email-confirmed-message = Merci : votre adresse e-mail est confirmée. Les avis concernant vos dossiers vous y parviendront.
notice-email-confirmed-next = Aller à votre compte
notice-reset-sent-title = Consultez vos e-mails
notice-reset-sent-message = Si un compte est associé à cette adresse, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.
notice-reset-sent-next = Retour à la connexion
notice-referral-filed-title = Votre dossier est déposé
notice-referral-filed-message = Votre réclamation est désormais le dossier { $reference }. Nous vérifions qu'elle peut être traitée et vous informons par e-mail. Si vous n'aviez pas de compte chez nous, nous vous avons envoyé un lien pour choisir un mot de passe, afin que vous puissiez suivre le dossier ici.
notice-referral-filed-next = Connectez-vous pour suivre votre dossier
notice-referral-declined-title = Vous avez refusé
notice-referral-declined-message = Nous avons informé l'entreprise que vous ne nous soumettez pas cette réclamation. Vous pouvez toujours déposer vous-même une réclamation, à tout moment.
notice-referral-declined-next = Retour à l'accueil

## Page d'erreur

error-back = Retour à la page d'accueil
error-title-400 = Requête incorrecte
error-title-401 = Connexion requise
error-title-403 = Accès refusé
error-title-404 = Page introuvable
error-title-405 = Méthode non autorisée
error-title-409 = Conflit
error-title-410 = N'existe plus
error-title-413 = Envoi trop volumineux
error-title-415 = Format non pris en charge
error-title-422 = Saisie incorrecte
error-title-429 = Trop de requêtes
error-title-500 = Erreur interne
error-title-503 = Service indisponible
error-title-other = Erreur

## À propos : notre fonctionnement

about-title = Notre fonctionnement
# Suit le nom, le pays et le site web de l'entité.
about-intro = règle les litiges entre consommateurs et entreprises à l'amiable, sans passer par le tribunal. Ce qui suit est établi à partir des règles qu'applique le portail et des données propres des médiateurs.
about-who = Qui traite votre dossier
about-neutral = Médiateur
about-kind = Type
about-languages = Langues
about-fields = Domaines
about-employed-by = Employé ou rémunéré par
about-mandate = Mandat
about-employed-by-entity = l'entité
about-no-neutral = Aucun médiateur n'est encore actif.
about-how-long = Combien de temps cela prend
about-average = En moyenne { $days } jours entre un dossier complet et la clôture du dossier, calculé sur les { $cases } derniers dossiers clos.
about-no-case-closed = Aucun dossier n'a encore été clos.
about-procedure = { $name } ({ $id }, version { $version })
about-fee = Frais
about-time-limits = Délais
about-time-limits-text = une décision sur la recevabilité dans les { $admissibility } jours suivant un dossier complet ; l'entreprise répond dans les { $answer } jours ouvrables ; une issue dans les { $outcome } jours ; au plus { $rounds } tours de négociation ; { $reflection } jours de réflexion après un accord
about-taking-part = Participation
about-taking-part-mandatory = l'entreprise doit participer ; seul le consommateur peut se retirer
about-taking-part-voluntary = volontaire pour les deux parties ; chacune peut se retirer à tout moment
about-legal-effect = Effet juridique
about-refusal-grounds = Un dossier ne peut être refusé que dans les cas suivants :

## Vérifier un document

verify-title = Vérifiez un document
verify-intro = Chaque document d'accord ou d'issue délivré par Redress est un PDF scellé avec la clé de l'entité. Choisissez-en un pour vérifier qu'il est authentique et non modifié. Le fichier est vérifié, puis n'est pas conservé.
verify-result = Résultat
verify-valid = Document valide
# Avant la référence du dossier (en gras).
verify-valid-before = Ce document du dossier
# Après la référence du dossier.
verify-valid-after = ({ $kind }, issue { $outcome }) a été signé avec la clé { $key } le { $issued } et n'a pas été modifié.
verify-on-file = C'est le document que Redress a délivré pour ce dossier, et le journal d'audit en contient toujours l'entrée.
verify-not-on-file = Ce portail ne détient pas le dossier ; la signature et la preuve d'audit contenues dans le document sont valides.
verify-sha = SHA-256 du document :
verify-invalid = Non valide
verify-file = Le document (PDF)
verify-submit = Vérifier
verify-problem-expired = Ce formulaire a expiré. Veuillez réessayer.
verify-problem-too-large = Le fichier est plus volumineux qu'un document ne peut l'être.
verify-problem-no-file = Choisissez le fichier PDF du document.
# Avant « POST /api/v1/verify ».
verify-developers = Développeurs :
# Après « POST /api/v1/verify », avant l'adresse des clés.
verify-developers-text = avec le PDF ou le document signé en JSON ; les clés sont publiées à l'adresse

## Réclamations publiques

public-cases-title = Réclamations publiques
public-cases-intro = Réclamations que leurs auteurs ont choisi de publier, après modération. Les noms, adresses e-mail, numéros de téléphone et comptes bancaires ne sont pas affichés.
public-cases-asks-for = demande :
public-cases-status = statut :
public-cases-older = Réclamations plus anciennes
public-cases-none = Aucune réclamation publique pour l'instant.

## Liste des dossiers

cases-file-link = Déposer une réclamation contre une entreprise
cases-case = Dossier
cases-company = Entreprise
cases-status = Statut
cases-claim = Demande
cases-filed = Déposé le
cases-older = Dossiers plus anciens
cases-none = Il n'y a encore aucun dossier ici.

## Une entreprise renvoie la réclamation du consommateur

referral-title = { $company } renvoie votre réclamation
referral-intro = { $company } n'a pas pu régler votre réclamation dans le cadre de sa propre procédure et propose de la faire traiter ici, par un service indépendant. { $company } y participe. C'est vous qui décidez : acceptez, en ajoutant ce que vous souhaitez, ou refusez.
referral-sent-us = Ce que { $company } nous a envoyé
referral-their-reference = Leur référence
referral-complained-on = Date de votre réclamation
referral-asked = Ce que vous avez demandé
referral-offered = Ce que { $company } a proposé
referral-final-answer = Sa réponse définitive
referral-you-ask = Ce que vous demandez
referral-documents = Documents envoyés par { $company }
referral-documents-note = Ils sont versés à votre dossier lorsque vous acceptez de poursuivre la réclamation.
referral-take-on = Nous soumettre la réclamation
referral-addition = Quelque chose à ajouter ou à corriger, avec vos propres mots (facultatif)
referral-remedy-refund = Un remboursement
referral-remedy-repair = Une réparation
referral-remedy-replacement = Un remplacement
referral-remedy-discount = Une réduction
referral-remedy-apology = Des excuses
referral-remedy-other = Autre chose
referral-amount = Montant demandé ({ $currency } ; laissez vide pour garder { $amount })
referral-public = Publier ma réclamation, sans mon nom ni mes coordonnées, après modération
referral-confirm-submit = Soumettre ma réclamation au service de règlement des litiges
referral-decline = Refuser
referral-decline-reason = Pourquoi, si vous souhaitez le dire ({ $company } le lira)
referral-decline-submit = Non, je ne donne pas suite ici
referral-open-until = Cette invitation est valable jusqu'au { $date }.
referral-closed-confirmed = Vous avez accepté de poursuivre cette réclamation : c'est désormais un dossier. Connectez-vous pour le suivre.
referral-closed-declined = Vous avez refusé cette invitation.
referral-closed-expired = Cette invitation a expiré. Vous pouvez toujours déposer vous-même une réclamation.
cases-caption-consumer = Vos dossiers
cases-caption-company = Les dossiers de votre entreprise
cases-caption-neutral = Vos dossiers de médiation
cases-caption-all = Tous les dossiers
cases-by-deadline = (l’échéance la plus proche d’abord)
cases-next-deadline = Prochaine échéance

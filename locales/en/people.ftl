## Pages for people: start page, accounts, notices, errors, about, verify, public list,
## case list and the consumer's referral page.

## Start page (home)

home-title = Resolve a dispute with a company
home-intro = { $entity } helps consumers and companies settle disputes without going to court. If a company did not resolve your complaint, you can bring it here.
home-no-lawyer = You do not need a lawyer.
home-your-rights = You may be represented or helped by someone you choose. You may withdraw at any time, and taking part does not stop you from going to court.
home-about-link = How we work
# Follows the link "How we work" directly (no space in between).
home-about-after = : who our neutrals are, our rules, fees, time limits and what an outcome means for you.
home-verify-link = Check a record
# Follows the link "Check a record" directly (no space in between).
home-verify-after = {" "}we issued.
home-procedures = Procedures
home-procedure-free = { $name }: languages { $languages }; outcome within { $days } days of a complete file; for consumers free of charge.
home-procedure-fee = { $name }: languages { $languages }; outcome within { $days } days of a complete file; for consumers { $fee }.

## Log in

login-title = Log in
login-notice-registered = Your account is ready. We sent you a link to confirm your e-mail address; you can log in now.
login-notice-reset = Your new password is saved. Please log in with it.
login-notice-welcome = Your account is ready. Please log in.
login-email = E-mail address
login-password = Password
login-submit = Log in
login-no-account = No account yet?
login-register-link = Create one
login-forgot = Forgot your password?
login-forgot-link = Choose a new one

## Register

register-title = Create an account
register-intro = To bring a complaint against a company you need an account. Filing is free of charge, and you do not need a lawyer.
register-name = Your name
register-email = E-mail address
register-password = Password (at least 12 characters)
register-language = Language
register-submit = Create account
register-already = Already registered?
register-login-link = Log in

## Forgot password

forgot-password-title = Forgot your password?
forgot-password-intro = Enter the e-mail address of your account. If it has one, we send a link to choose a new password; the link works for one hour.
forgot-password-email = E-mail address
forgot-password-submit = Send me a link

## Choose a password (reset link and invitation)

choose-password-title-reset = Choose a new password
choose-password-title-invitation = Welcome: set up your account
choose-password-name = Your name
choose-password-password = New password
choose-password-hint = (at least 12 characters; a few unrelated words work well)
choose-password-button-reset = Save the new password
choose-password-button-invitation = Save and continue

## Confirm the e-mail address

confirm-email-title = Confirm your e-mail address
confirm-email-intro = Confirm that this e-mail address is yours, so that notices about your cases reach you.
confirm-email-submit = Confirm my e-mail address

## Account

account-title = Your account
account-notice-sent = We sent a new confirmation link to your e-mail address.
account-name = Name
account-email = E-mail address
account-confirmed = (confirmed)
account-not-confirmed = (not yet confirmed)
account-role-label = Role
account-role-public = public
account-role-consumer = consumer
account-role-company = company
account-role-neutral = neutral
account-role-staff = staff
account-role-system = system
account-language = Language
account-confirmation-sent = We sent you a link to confirm your address.
account-confirmation-resend = Send the link again
account-conflicts = Declared conflicts
account-conflicts-intro = You are never assigned to a case against a company or consumer listed here.
account-conflicts-none = None declared.
account-conflict-with = Company name, or a consumer's e-mail address
account-conflict-reason = Why (for example: former employer, a relative)
account-conflict-submit = Declare the conflict
account-training = Training
account-training-intro = The training you completed; the entity's activity report counts it.
account-training-completed = Completed
account-training-hours = Hours
account-training-course = Course
account-training-provider = Given by
account-training-none = None recorded yet.
account-training-completed-on = Completed on
account-training-submit = Record the training
account-data = Your data
account-export-link = Download all my data
# Follows the link "Download all my data" directly (no space in between).
account-export-after = : a zip file with everything we hold about you and the files you uploaded, to keep or take elsewhere.
# $cases: the references of the open cases.
account-erasure-pending = You asked us to erase your data. It will be erased when your open cases ({ $cases }) have ended; the law lets us keep what they need until then.
account-erasure-intro = Erase my account and personal data. If you have open cases, we keep what they need until they end, and erase it then.
account-erasure-confirm = I understand that this cannot be undone.
account-erasure-submit = Erase my data
account-logout = Log out

## Notices (the page after a step is done)

notice-erased-title = Your data is erased
notice-erased-message = Your account and personal data are erased. Case records the law requires us to keep no longer carry your name or contact details.
notice-email-confirmed-title = E-mail address confirmed
notice-email-confirmed-message = Thank you: your e-mail address is confirmed. Notices about your cases will reach you there.
notice-email-confirmed-next = Go to your account
notice-reset-sent-title = Check your e-mail
notice-reset-sent-message = If this address has an account, we sent it a link to choose a new password. The link works for one hour.
notice-reset-sent-next = Back to log in
notice-referral-filed-title = Your case is filed
notice-referral-filed-message = Your complaint is case { $reference } now. We check that it can be handled and tell you by e-mail. If you had no account with us, we sent you a link to choose a password, so you can follow the case here.
notice-referral-filed-next = Log in to follow your case
notice-referral-declined-title = You declined
notice-referral-declined-message = We told the company that you do not take this complaint to us. You can still file a complaint yourself at any time.
notice-referral-declined-next = Back to the start

## Error page

error-back = Back to the start page
error-title-400 = Bad Request
error-title-401 = Unauthorized
error-title-403 = Forbidden
error-title-404 = Not Found
error-title-405 = Method Not Allowed
error-title-409 = Conflict
error-title-410 = Gone
error-title-413 = Payload Too Large
error-title-415 = Unsupported Media Type
error-title-422 = Unprocessable Entity
error-title-429 = Too Many Requests
error-title-500 = Internal Server Error
error-title-503 = Service Unavailable
error-title-other = Error

## About: how we work

about-title = How we work
# Follows the entity's name, country and website.
about-intro = resolves disputes between consumers and companies out of court. What follows is generated from the rules the portal runs on and from the neutrals' own data.
about-who = Who handles your case
about-neutral = Neutral
about-kind = Kind
about-languages = Languages
about-fields = Fields
about-employed-by = Employed or paid by
about-mandate = Mandate
about-employed-by-entity = the entity
about-no-neutral = No neutral is active yet.
about-how-long = How long it takes
about-average = On average { $days } days from a complete file to the closing of the case, over the latest { $cases } closed cases.
about-no-case-closed = No case has been closed yet.
about-procedure = { $name } ({ $id }, version { $version })
about-fee = Fee
about-time-limits = Time limits
about-time-limits-text = a decision on admissibility within { $admissibility } days of a complete file; the company answers within { $answer } working days; an outcome within { $outcome } days; at most { $rounds } negotiation rounds; { $reflection } days to reflect after an agreement
about-taking-part = Taking part
about-taking-part-mandatory = the company must take part; only the consumer may withdraw
about-taking-part-voluntary = voluntary for both sides; either may withdraw at any time
about-legal-effect = Legal effect
about-refusal-grounds = A case may be refused only when:

## Verify a record

verify-title = Check a record
verify-intro = Every settlement and outcome record Redress issues is a PDF sealed with the entity's key. Choose one to check that it is genuine and unchanged. The file is checked and not kept.
verify-result = Result
verify-valid = Valid record
# Before the case reference (in bold).
verify-valid-before = This record of case
# After the case reference.
verify-valid-after = ({ $kind }, outcome { $outcome }) was signed with key { $key } on { $issued } and has not been changed.
verify-on-file = It is the record Redress issued for this case, and the audit log still holds its entry.
verify-not-on-file = This portal does not hold the case; the signature and the audit proof inside the record check out.
verify-sha = Record SHA-256:
verify-invalid = Not valid
verify-file = The record (PDF)
verify-submit = Check
verify-problem-expired = This form has expired. Please try again.
verify-problem-too-large = The file is larger than a record can be.
verify-problem-no-file = Choose the record's PDF file.
# Before "POST /api/v1/verify".
verify-developers = Developers:
# After "POST /api/v1/verify", before the address of the keys.
verify-developers-text = with the PDF or the signed record as JSON; the keys are published at

## Public complaints

public-cases-title = Public complaints
public-cases-intro = Complaints their authors chose to publish, after moderation. Names, e-mail addresses, phone numbers and bank accounts are not shown.
public-cases-asks-for = asks for:
public-cases-status = status:
public-cases-older = Older complaints
public-cases-none = No public complaints yet.

## List of cases

cases-file-link = File a complaint against a company
cases-case = Case
cases-company = Company
cases-status = Status
cases-claim = Claim
cases-filed = Filed
cases-older = Older cases
cases-none = There are no cases here yet.

## A company refers the consumer's complaint

referral-title = { $company } refers your complaint
referral-intro = { $company } could not settle your complaint in its own procedure and offers to have it handled here, by an independent service. { $company } takes part. You decide: take it on, with anything you want to add, or decline.
referral-sent-us = What { $company } sent us
referral-their-reference = Their reference
referral-complained-on = You complained on
referral-asked = What you asked
referral-offered = What { $company } offered
referral-final-answer = Its final answer
referral-you-ask = What you ask for
referral-documents = Documents { $company } sent
referral-documents-note = They go into your case file when you take the complaint on.
referral-take-on = Take the complaint to us
referral-addition = Anything to add or correct, in your own words (optional)
referral-remedy-refund = A refund
referral-remedy-repair = A repair
referral-remedy-replacement = A replacement
referral-remedy-discount = A discount
referral-remedy-apology = An apology
referral-remedy-other = Something else
referral-amount = Amount you claim ({ $currency }; leave empty to keep { $amount })
referral-public = Publish my complaint, without my name and contact details, after moderation
referral-confirm-submit = Take my complaint to the dispute service
referral-decline = Decline
referral-decline-reason = Why, if you wish to say ({ $company } reads it)
referral-decline-submit = No, I do not take it further here
referral-open-until = This invitation is open until { $date }.
referral-closed-confirmed = You took this complaint on: it is a case now. Log in to follow it.
referral-closed-declined = You declined this invitation.
referral-closed-expired = This invitation has expired. You can still file a complaint yourself.
cases-caption-consumer = Your cases
cases-caption-company = Your company's cases
cases-caption-neutral = Your dossiers
cases-caption-all = All cases
cases-by-deadline = (the soonest deadline first)
cases-next-deadline = Next deadline

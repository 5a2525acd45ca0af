## The dossier page (case.html.hbs), the filing form (case_new.html.hbs) and the neutral's
## declaration (declaration.html.hbs).

case-title = Case { $reference }
case-done = Done. Everyone concerned has been told.

## Dossier: the acknowledgement after filing

case-ack-label = Acknowledgement
case-registered = Your case is registered
case-your-reference = Your reference is
case-registered-next = We sent an acknowledgement to your e-mail address; keep it. We tell you and the company at every step. You may withdraw at any time, and taking part does not stop you from going to court.

## Dossier: the facts

case-dt-status = Status
case-dt-company = Company
case-dt-kind = Kind
case-dt-claim = Claim
case-dt-filed = Filed
case-dt-procedure = Procedure

# Where the case stands (`{{t "case-status" c.status}}`); English shows the stored value.
case-status-submitted = submitted
case-status-incomplete = incomplete
case-status-complete = complete
case-status-refused = refused
case-status-accepted = accepted
case-status-assigned = assigned
case-status-negotiating = negotiating
case-status-agreed = agreed
case-status-settled = settled
case-status-not_settled = not_settled
case-status-withdrawn = withdrawn
case-status-lapsed = lapsed
case-status-closed = closed
case-status-archived = archived

case-type-complaint = complaint
case-type-incident = incident

# What the consumer asks for.
case-remedy-refund = refund
case-remedy-repair = repair
case-remedy-replacement = replacement
case-remedy-discount = discount
case-remedy-apology = apology
case-remedy-other = other

# How the case came in.
case-channel-web = web
case-channel-api = api
case-channel-post = post
case-channel-phone = phone
case-channel-referral = referral

case-download = Download the whole case file to keep:
case-what-happened = What happened
case-missing = Missing information

## Dossier: the signed record

case-record = Signed record
# $kind: settlement or outcome
case-record-intro = The { $kind } record of this case, signed by the entity:
case-record-download = download the PDF
case-record-hash = record SHA-256
case-record-keep = Keep it; anyone can check it at

## Dossier: deadlines

case-deadlines = Deadlines
# $kind: the kind of deadline (case-deadline-kind-*), $due: the date, $left: the time left
case-deadline = { $kind }: { $due } ({ $left } left)
case-deadline-kind-completeness_check = completeness check
case-deadline-kind-admissibility = admissibility
case-deadline-kind-company_answer = company answer
case-deadline-kind-round = round
case-deadline-kind-outcome = outcome
case-deadline-kind-reflection = reflection
case-deadline-kind-objection = objection
case-deadline-kind-performance = performance
case-overdue = overdue

## Dossier: proposals

case-proposals = Proposals
case-col-number = No.
case-col-round = Round
case-col-from = From
case-col-amount = Amount
case-col-terms = Terms
case-col-status = Status
case-proposal-standing = (standing)
case-proposal-within = (within { $days } days)
case-proposal-status-open = open
case-proposal-status-superseded = superseded
case-proposal-status-rejected = rejected
case-proposal-status-settled = settled

# Who wrote a proposal or a message.
case-author-consumer = consumer
case-author-company = company
case-author-neutral = neutral

case-accepted-so-far = Accepted so far:
case-accepted-consumer = consumer
case-accepted-company = company
case-accepted-number = no. { $number }
case-accepted-not-yet = not yet

case-escalated = This case was escalated to one of the entity's in-house lawyers under the procedure's rules.

## Dossier: the neutral's disclosure

case-disclosure = The neutral disclosed a circumstance
case-disclosure-legend = Your answer to the disclosure
case-disclosure-no-objection = I do not object: the neutral may go on
case-disclosure-objection = I object: another neutral should take the case
case-disclosure-reason = Reason (required when objecting)
case-answer = Answer
case-disclosure-recorded = Your answer is recorded. If nobody objects by the deadline, the neutral goes on.

## Dossier: assigning a neutral, rounds

case-assign = Assign a neutral
case-assign-neutral = Neutral's account number (leave empty to let Redress pick the best fit)
case-assign-submit = Assign
case-round = Open the next round
case-round-deadline = Deadline (leave empty for the procedure's round length)
case-round-submit = Open the round

## Dossier: answering and making proposals

case-standing-answer = Answer the standing proposal (no. { $number })
case-read-before = Before you agree, please read:
# The notices a party reads before agreeing (R16), in the order of CONSENT_NOTICES.
case-notice-0 = You are free to refuse this proposal; taking part does not oblige you to agree.
case-notice-1 = Agreeing does not stop you from going to court; the procedure does not take away your right to do so.
case-notice-2 = The solution proposed may differ from what a court applying the law would decide.
case-notice-3 = If both sides agree, the agreement binds you once the reflection period has passed without either side revoking it.
case-notices-read = I have read these notices.
case-accept-submit = Accept proposal no. { $number }
case-reject-reason = Or reject it, because:
case-reject-submit = Reject
case-propose = Make a proposal
case-offer-amount = Amount (EUR)
case-offer-terms = Terms
case-offer-days = Days to perform
case-offer-notices = I have read these notices (a party must).
case-offer-submit = Send the proposal
case-time = Ask for more time
case-time-reason = The neutral may move the round's deadline. Why do you need more time?
case-time-submit = Ask the neutral

## Dossier: double-blind bidding

case-blind = Settle by double-blind bidding?
case-blind-explain = Each side names a limit in confidence: the least you accept (consumer) or the most you pay (company). If the limits are within { $margin }{"\u00A0"}% of each other, the case is agreed at their midpoint; if not, nobody learns the other side's figure and the negotiation goes on. It starts when both sides agree.
case-blind-notices = I have read these notices and agree that a match binds me like an acceptance.
case-blind-submit = I agree to double-blind bidding
case-blind-waiting = You agreed to double-blind bidding; it starts when the other side agrees too.
case-blind-limit = Your confidential limit
case-blind-amount = Your limit ({ $currency }); the other side never sees it
case-blind-limit-submit = Send my limit
case-blind-own-limit = Your confidential limit: { $limit }.
case-blind-other-waiting = Waiting for the other side's limit.

## Dossier: compliance after a settlement

case-compliance = Did the company do what it agreed?
case-compliance-due = The company has until { $due } to carry out the settlement.
case-compliance-confirm = You can confirm it did at any time; if it does not, tell us after that date.
case-complied-legend = Your answer
case-complied-yes = Yes, it did
case-complied-no = No, it did not: the case goes back to be dealt with
case-compliance-comment = What is missing, or anything you want to add
case-send = Send

## Dossier: revoking, extending, closing, withdrawing

case-revoke = Reflection period
case-revoke-reason = You may still revoke your consent, because:
case-revoke-submit = Revoke my consent
case-extend = Extend the time for an outcome (once)
case-extend-until = New date
case-extend-reasons = Why the dispute is complex
case-extend-submit = Extend
case-close = Close the case
case-close-outcome = Outcome
case-close-not-settled = not settled (ends the mediation)
case-close-reasons = Grounds (both parties receive them)
case-close-submit = Close
case-withdraw = Withdraw
case-withdraw-reason = You may withdraw at any time. Reason:
case-withdraw-submit = Withdraw from the procedure

## Dossier: representatives

case-representatives = Representatives
# $side: consumer or company
case-representative = { $name } acts for the { $side } side

## Dossier: human review of automated steps

case-review = Steps Redress took on its own
case-review-explain = Steps marked “system” in the timeline were taken automatically. You may ask a person to review them.
case-review-reason = What should be reviewed, and why?
case-review-submit = Ask for a human review
case-review-asked = A party asked for a human review
case-review-answer = Your answer (both parties receive it)

## Dossier: feedback

case-feedback = Did the procedure resolve your complaint?
case-resolved-legend = Was your complaint resolved?
case-yes = Yes
case-no = No
case-rating = How do you rate the procedure? (1 poor – 5 excellent)
case-feedback-comment = Anything you want to tell us (optional)

## Dossier: bundling

case-bundle = May we handle your case with similar ones?
case-bundle-explain = Other consumers brought complaints like yours against { $company }. Handled together, the procedure can be quicker and its outcome more consistent. Your case stays yours: you keep your own claim and may still withdraw.
case-bundle-legend = Your answer
case-bundle-yes = Yes, I agree
case-bundle-no = No, keep my case apart

## Dossier: missing information, completeness, admissibility, participation

case-information = Add the missing information
case-prior-on = When did you complain to the company?
case-prior-channel = How?
case-prior-reference = The company's reference, if any
case-note = Anything else we asked for
case-completeness = Completeness review
case-completeness-missing = What is missing (one item per line; leave empty if the file is complete)
case-completeness-submit = Record the review
case-admissibility = Admissibility
case-decision-legend = Your decision
case-accept = Accept
case-refuse = Refuse, on the ground
case-refusal-ground = Refusal ground
case-ground-no_prior_complaint = the consumer did not first try to resolve the matter with the company
case-ground-frivolous_or_vexatious = the dispute is frivolous or vexatious
case-ground-handled_elsewhere = the dispute is being or was already handled by another dispute resolution body or a court
case-ground-claim_value_out_of_range = the value of the claim is outside this procedure's limits
case-ground-filed_too_late = the case was filed after this procedure's time limit
case-ground-impairs_operation = handling it would seriously impair the operation of the service
case-admissibility-reasons = Reasons (told to both parties)
case-decide = Decide
case-participation = Does the company take part?
case-takes-part-legend = Your answer
case-takes-part-yes = Yes, we take part
case-takes-part-no = No, because:
case-participation-reasons = Reasons

## Dossier: messages and documents

case-messages = Messages
case-internal-note = (internal note)
case-no-messages = No messages yet.
case-message-body = Your message
case-message-internal = Internal note (the parties do not see it)
case-documents = Documents
case-document-size = { $size } bytes
case-no-documents = No documents yet.
case-document-add = Add a document (PDF, JPEG, PNG or text, at most { $max } KiB)
case-upload = Upload

## Dossier: the timeline, one message per kind of event

case-timeline = Timeline
case-event-filed = filed
case-event-marked_incomplete = marked incomplete
case-event-information_supplied = information supplied
case-event-completed = completed
case-event-accepted = accepted
case-event-refused = refused
case-event-company_joined = company joined
case-event-company_declined = company declined
case-event-neutral_assigned = neutral assigned
case-event-independence_declared = independence declared
case-event-neutral_recused = neutral recused
case-event-conflict_disclosed = conflict disclosed
case-event-disclosure_accepted = disclosure accepted
case-event-neutral_objected = neutral objected
case-event-escalated = escalated
case-event-blind_bidding_consented = blind bidding consented
case-event-blind_bidding_opened = blind bidding opened
case-event-blind_limit_submitted = blind limit submitted
case-event-blind_bidding_ended = blind bidding ended
case-event-compliance_asked = compliance asked
case-event-compliance_reported = compliance reported
case-event-reopened = reopened
case-event-round_opened = round opened
case-event-round_lapsed = round lapsed
case-event-proposal_made = proposal made
case-event-proposal_accepted = proposal accepted
case-event-proposal_rejected = proposal rejected
case-event-agreed = agreed
case-event-consent_revoked = consent revoked
case-event-settled = settled
case-event-not_settled = not settled
case-event-withdrawn = withdrawn
case-event-representative_appointed = representative appointed
case-event-bundle_proposed = bundle proposed
case-event-bundle_answered = bundle answered
case-event-round_deadline_changed = round deadline changed
case-event-time_requested = time requested
case-event-review_requested = review requested
case-event-review_answered = review answered
case-event-feedback_given = feedback given
case-event-moderation_checked = moderation checked
case-event-moderated = moderated
case-event-message_posted = message posted
case-event-document_added = document added
case-event-lapsed = lapsed
case-event-outcome_extended = outcome extended
case-event-closed = closed
case-event-archived = archived
case-event-deadline_set = deadline set
case-event-deadline_cleared = deadline cleared
case-event-all_deadlines_cleared = all deadlines cleared
case-event-deadline_missed = deadline missed

## The filing form (case_new.html.hbs)

case-new-title = File a complaint
case-new-intro = Tell us about your complaint. Filing is free of charge and you do not need a lawyer. We first check that the file is complete, then decide within three weeks whether we can handle it.
case-new-duplicate = You already have an open case against this company:
case-new-duplicate-next = You can add to that case there. If this is a different dispute, tick the box below and send the form again.
case-new-search-label = Find the company by name, VAT number or web address
case-new-search = Search
case-new-company = The company
case-new-not-found = No company found for “{ $q }”. Enter it below.
case-new-not-listed = Not in the list? Enter the company:
case-new-company-name = Company name
case-new-company-email = The e-mail address where it takes complaints
case-new-company-domain = Its web address (optional)
case-new-complaint = Your complaint
case-new-kind = Kind
case-new-type-complaint = A complaint: you want a solution from the company
case-new-type-incident = An incident: you report a problem
case-new-summary = What happened?
case-new-outcome = What do you ask for?
case-new-remedy-refund = A refund
case-new-remedy-repair = A repair
case-new-remedy-replacement = A replacement
case-new-remedy-discount = A discount
case-new-remedy-apology = An apology
case-new-remedy-other = Something else
case-new-amount = Amount you claim
case-new-currency = Currency
case-new-language = Language of the procedure
case-new-country = Country you live in (two letters, such as NL)
case-new-letter-yes = You come from the company's letter: it takes part in our procedure. Your case carries its answer.
case-new-letter-no = You come from the company's letter: it does not take part in our procedure. Your case carries its answer.
case-new-prior = Your complaint to the company
case-new-prior-intro = We can only handle a dispute you first tried to resolve with the company.
case-new-prior-on = When did you complain to it?
case-new-prior-channel = How?
case-new-how-email = By e-mail
case-new-how-letter = By letter
case-new-how-phone = By phone
case-new-how-web_form = Through its web form
case-new-how-in_person = In person
case-new-prior-reference = The company's reference, if any
case-new-staff = Registered for a consumer (letter or call)
case-new-consumer-name = Consumer's name
case-new-consumer-email = Consumer's e-mail address
case-new-received = Received by
case-new-received-post = post
case-new-received-phone = phone
case-new-public = Publish my complaint, without my name and contact details, after moderation
case-new-allow-duplicate = This is a different dispute: file it as a new case
case-new-submit = File my complaint

## The neutral's declaration (declaration.html.hbs)

declaration-pending = You disclosed a circumstance. The parties may object until the deadline; if neither does, you go on with the case and see the dossier. If one objects, the case goes to another neutral.
declaration-legend = Your declaration
declaration-independent = I declare that I am independent of and impartial towards both parties, and that nothing could give rise to a conflict of interest.
declaration-disclose = I consider myself independent, but the parties should know of a circumstance (they may object):
declaration-recuse = I recuse myself, because:
declaration-reasons = The circumstance, or the reasons for recusing (required for both)
declaration-submit = Send my declaration

case-deadline-passed = { $kind }: { $due }
# $days and $hours: the time left before a deadline
case-time-left = { $days ->
    [0] { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }
    [one] 1 day { $hours } hours
   *[other] { $days } days { $hours } hours
}

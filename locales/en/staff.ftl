# Staff pages (triage, moderation, mail, dashboard, reports) and the company pages
# (scorecard, referrals).

## Triage

triage-intro = Cases waiting for a completeness review or an admissibility decision, soonest deadline first. Overdue cases are marked.
triage-count = { $count } cases
triage-case = Case
triage-company = Company
triage-task = Task
triage-due = Due
triage-overdue = overdue
triage-empty = Nothing waits for a decision.

## Moderation

moderation-intro = Public complaints held because their text holds words from the moderation lists. Publish them, or keep them off the public list with a reason.
moderation-flagged = Flagged:
moderation-decision = Decision on { $reference }
moderation-publish = Publish
moderation-hold = Do not publish
moderation-reasons = Reasons (required when not publishing)
moderation-decide = Decide
moderation-empty = Nothing is held for review.

## Mail held for review

mail-title = Incoming mail to review
mail-intro = Replies that did not prove which case they belong to, came from an address not registered for the party, concern a closed case, were written by a machine, or could not be read. Nothing here reaches a case until you put it there.
mail-from = From
mail-received = , received { $at }
mail-held-because = Held because:
mail-case = Case
mail-side = as the message of the
mail-side-company = company
mail-side-consumer = consumer
mail-assign = Put it on the case
mail-discard-reason = Or discard it, because
mail-discard = Discard
mail-empty = Nothing is held.

## Dashboard

dashboard-summary = { $open } open cases. As of { $at }.
dashboard-activity-report = Activity report
dashboard-mail = Mail to review
dashboard-overdue = Overdue
dashboard-case = Case
dashboard-time-limit = Time limit
dashboard-was-due = Was due
dashboard-due = Due
dashboard-state = State
dashboard-overdue-none = Nothing is overdue.
dashboard-week = Due in the next seven days
dashboard-week-none = Nothing falls due this week.
dashboard-states = Cases by state
dashboard-cases = Cases
dashboard-caseload = Caseload per neutral
dashboard-neutral = Neutral
dashboard-open-cases = Open cases
dashboard-capacity = Capacity
dashboard-load = Load (%)
dashboard-caseload-none = No neutral is active yet.
dashboard-stages = Time per stage
dashboard-stages-caption = Mean days, over the latest cases that ended
dashboard-stage = Stage
dashboard-from-to = From … to
dashboard-mean-days = Mean days

## Activity report

reports-title = Activity report { $period }
reports-year = Year
reports-covering = Covering
reports-one-year = one year (annual report)
reports-two-years = two years (report to the authority)
reports-show = Show
reports-download = Download:
reports-assessment-biennial = Assessment and recommendations on recurring problems, for the authority (up to 10,000 characters)
reports-assessment-annual = Assessment of the year's effectiveness (up to 10,000 characters)
reports-save-assessment = Save the assessment

## A company's scorecard

company-title = { $company }: scorecard
company-period = Cases sent to the company since { $from } (the last { $months } months).
company-score = Score
company-out-of = out of 100
company-parts-caption = The parts of the score
company-part = Part
company-weight = Weight
company-value = Value (%)
company-no-score = No score yet: a company is scored once it has at least { $min } cases in { $months } months. The counts below are shown all the same.
company-figures = Figures
company-received = Cases received
company-answered = Answered by the company
company-median-answer = Median time to the first answer
company-hours = { $hours } hours
company-resolved = Resolved, in the consumer's own words
company-of = { $part } of { $whole } ({ $rate } %)
company-satisfaction = Satisfaction (1 to 5)
company-satisfaction-value = { $satisfaction } from { $ratings } ratings
company-complied = Settlements carried out as agreed
company-trend = Month by month
company-trend-caption = The chart's figures
company-month = Month
company-trend-received = Received
company-trend-answered = Answered
company-trend-resolved = Resolved
company-method = How the score is made
company-reply = The company's reply
company-no-reply = The company has not replied.
company-reply-label = Your reply, shown to everyone (up to 1,000 characters; leave empty to remove it)
company-reply-submit = Publish the reply

## A company's referrals

company-referrals-title = Refer a complaint
company-referrals-intro = When your own complaint procedure ends without agreement, refer the complaint here with its history. The consumer gets an e-mail in their language and decides whether to take it on; you hear their answer. You take part in the procedure by referring.
company-referrals-yours = Your referrals
company-referrals-your-reference = Your reference
company-referrals-consumer = Consumer
company-referrals-sent = Sent
company-referrals-answer = Answer
company-referrals-documents = Documents
company-referrals-case = Case
company-referrals-status-invited = invited
company-referrals-status-confirmed = confirmed
company-referrals-status-declined = declined
company-referrals-status-expired = expired
company-referrals-none = None yet.
company-referrals-the-consumer = The consumer
company-referrals-name = Name
company-referrals-email = E-mail address
company-referrals-language = Language
company-referrals-the-complaint = The complaint in your procedure
company-referrals-kind = Kind
company-referrals-kind-complaint = complaint
company-referrals-kind-incident = incident
company-referrals-complained-on = The consumer complained on
company-referrals-channel = How (e-mail, phone, letter, shop …)
company-referrals-asked = What the consumer asked
company-referrals-offered = What you offered
company-referrals-final-answer = Your final answer
company-referrals-outcome = The consumer asks for
company-referrals-outcome-refund = a refund
company-referrals-outcome-repair = a repair
company-referrals-outcome-replacement = a replacement
company-referrals-outcome-discount = a discount
company-referrals-outcome-apology = an apology
company-referrals-outcome-other = something else
company-referrals-amount = Amount at stake (EUR)
company-referrals-documents-label = Documents of your procedure (optional, at most { $max }: letters, receipts, photos)
company-referrals-submit = Refer the complaint
company-referrals-import = Refer many complaints from a CSV file
company-referrals-imported = Imported: { $created } consumers invited, { $already } already referred.
company-referrals-import-failed = Nothing was imported. Mend these lines and send the whole file again:
company-referrals-problem = Line { $line }, { $field }: { $message }
company-referrals-columns = A header line names the columns, in any order:
company-referrals-csv-format = Dates as 2026-02-10, amounts in cents. Every line is checked first; one wrong line imports nothing.
company-referrals-file = CSV file (at most 1,000 lines)
company-referrals-import-submit = Import the referrals

# HourBank's words in English: the catalogue's fallback, and the list of every key.
# A translator copies this file to <code>.ftl (e.g. fr.ftl) and translates the values;
# the catalogue test fails until every key below is in the new file too.

language-name = English

## Dates, times and numbers. { $time } is `time-of-day`; { $zone } the zone's abbreviation.

weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
# time-of-day may use $hour (00–23), $hour12 (1–12), $minute (00–59) and $ampm
# (time-am or time-pm); date-time and date may use $weekday, $month, $day, $year,
# $time and $zone, in any order.
time-am = AM
time-pm = PM
time-of-day = { $hour12 }:{ $minute } { $ampm }
date-time = { $weekday }, { $month } { $day }, { $year }, { $time } { $zone }
date = { $weekday }, { $month } { $day }, { $year }
time-invalid = (no such time)
decimal = { $units }.{ $hundredths }
remaining-overdue = overdue (the timer will act shortly)
remaining-minutes = in { $minutes } min
remaining-hours = in { $hours } h
remaining-hours-minutes = in { $hours } h { $minutes } min
remaining-days-hours = in { $days } d { $hours } h

## The header and the language switcher

hd-nav-main = Main
hd-services = Services
hd-my-requests = My requests
hd-inbox = Inbox
hd-my-services = My services
hd-notifications = Notifications
hd-settings = Settings
hd-admin = Admin
hd-balance-title = Hours available (held in escrow in brackets)
hd-held = {" "}({ $held } held)
hd-log-out = Log out
hd-live-changed = This page has changed since you opened it.
hd-live-reload = Show the new version
hd-log-in = Log in
hd-sign-up = Sign up
hd-language = Language
hd-language-change = Change

## Member pages: home, services, account

# Pages, the services list and the layout (prefix pg-), in English.
pg-skip-to-content = Skip to content
pg-footer = HourBank — one hour of help buys one hour of help.
pg-loading = Loading…
pg-home-welcome = Welcome, { $name }
pg-home-balance-before = You have{" "}
pg-home-balance-after = {" "}available to spend on other members' help.
pg-home-held = { $held } is held in escrow for requests under way.
pg-home-hero = Trade help by the hour
pg-home-lead = HourBank is a time bank: an hour of gardening buys an hour of tutoring. Every member's hour is worth the same.
pg-create-account = Create an account
pg-home-or = {" "}or{" "}
pg-home-log-in-lower = log in
pg-home-services-heading = Services members offer
pg-services-title = Services — HourBank
pg-services = Services
pg-services-search-label = Search by title, category or provider
pg-services-search = Search
pg-services-all = All services
pg-services-matching = Matching services
pg-services-none = No services match.
pg-service-by = {" "}· by{" "}
pg-service-meta = {" "}· { $rating } · answers within { $hours } h
pg-log-in = Log in
pg-service-login-to-request = {" "}to request this service.
pg-service-own = This is your own service.{" "}
pg-service-manage = Manage your services
pg-service-closed = This service is not taking requests right now.
pg-service-request-heading = Request this service
pg-service-duration = How long (hours)
pg-service-message = Message to the provider
pg-service-cost-after = This holds { $cost } of your hours in escrow until the service is done; you would have { $after } available after.
pg-service-cost = This holds { $cost } of your hours in escrow.
pg-service-hint = You have { $available } available. The usual rate is { $rate } (one hour of credit per hour); the provider may propose other terms.
pg-service-send = Send request
pg-my-services-title = My services — HourBank
pg-my-services = My services
pg-my-services-offer-heading = Offer a service
pg-my-services-title-label = Title
pg-my-services-category = Category
pg-my-services-description = Description
pg-my-services-window-new = You answer requests within (hours, { $min } to { $max })
pg-my-services-offer = Offer service
pg-my-services-yours = Your services
pg-my-services-none = You offer no services yet.
pg-my-services-status-active = active
pg-my-services-status-paused = paused
pg-my-services-status-retired = retired
pg-my-services-edit = Edit
pg-my-services-window = Response window (hours)
pg-save = Save
pg-saved = Saved.
pg-my-services-pause = Pause
pg-my-services-resume = Resume
pg-my-services-retire = Retire
pg-profile-reviews = Reviews
pg-profile-no-reviews = No reviews yet.
pg-profile-review = { $stars } of 5 from { $by }
pg-profile-review-comment = { $stars } of 5 from { $by }: “{ $comment }”
pg-login-title = Log in — HourBank
pg-email = E-mail
pg-password = Password
pg-forgot-question = Forgot your password?
pg-login-new-here = New here?{" "}
pg-signup-title = Sign up — HourBank
pg-signup-heading = Create your account
pg-signup-name = Your name (shown to other members)
pg-signup-password = Password (at least { $min } characters)
pg-sign-up = Sign up
pg-signup-already = Already a member?{" "}
pg-forgot-title = Forgot your password — HourBank
pg-forgot-intro = Give the address you signed up with; we send it a link to set a new password.
pg-forgot-send = Send me a link
pg-forgot-back = Back to logging in
pg-reset-title = Set a new password — HourBank
pg-reset-heading = Set a new password
pg-reset-password = New password (at least { $min } characters)
pg-reset-submit = Set the password and log in
pg-reset-new-link = Ask for a new link
pg-verify-title = Confirm your address — HourBank
pg-verify-heading = Confirm your address
pg-verify-done = Thank you: your address is confirmed.{" "}
pg-verify-choose = Choose what reaches you by e-mail
pg-verify-submit = Confirm my address
pg-unsubscribe-title = No more e-mails — HourBank
pg-unsubscribe-heading = No more e-mails
pg-unsubscribe-done = Done: HourBank sends you no more e-mails. Your notifications stay in the app, and you can turn e-mail on again in your settings.
pg-unsubscribe-invalid = This link is not valid. Turn e-mail off in your settings instead.
pg-unsubscribe-question = Stop every e-mail from HourBank? Notifications stay in the app.
pg-unsubscribe-submit = Stop e-mails
pg-settings-title = Settings — HourBank
pg-settings-heading = Settings
pg-settings-mail-off = This bank sends no e-mail: you hear of everything here, under Notifications.
pg-settings-verified = verified
pg-settings-not-verified = not verified yet: we send nothing else until you confirm it
pg-settings-resend = Send the confirmation link again
pg-settings-resent = Sent. The link works for three days.
pg-settings-mode-legend = What reaches you by e-mail
pg-settings-mode-immediate = Each step as it happens, and reminders before the timer acts
pg-settings-mode-digest = One digest a day, at { $hour }:00 UTC
pg-settings-mode-off = Nothing (the app keeps every notification)
pg-settings-bank-zone = The bank's zone ({ $zone })
pg-settings-zone-heading = Time zone
pg-settings-zone-label = Every time is shown to you in
pg-settings-zone-save = Save time zone
pg-settings-calendar-heading = Calendar
pg-settings-calendar-intro = Subscribe to this private address in your calendar app to see the work you agreed, with its start time:
pg-settings-calendar-feed = Your calendar feed address
pg-settings-calendar-hint = Anyone with the address sees your agreed work. If it leaked, make a new one: the old address stops working.
pg-settings-calendar-renew = Make a new address
pg-settings-calendar-renewed = Done: only the address above works now.
pg-not-found-title = Page not found — HourBank
pg-not-found-heading = Page not found
pg-not-found-text = There is no page at this address. It may have moved, or the link may be mistyped.
pg-not-found-back = Back to the start page

pg-rating = { $average } ★ ({ $count })
pg-not-rated = not rated yet

## Requests: the request page, lists, balance, notifications, terms

# Request pages and components (requests, inbox, balance, notifications, terms).

rq-actor-admin = an admin
rq-actor-timer = the timer
rq-request-page-title = Request — HourBank
rq-loading = Loading…
rq-round-starting = , starting { $time }
rq-role-requester = You asked for this service.
rq-role-provider = You provide this service.
rq-role-admin = You are viewing this request as an admin.
rq-counter-offer = Counter-offer
rq-counter-hours = Hours
rq-counter-message = Message
rq-split-minutes = Minutes to the provider (1 to { $max })
rq-deadline = Deadline: { $time } ({ $remaining }), then { $then }.
rq-auto-start = The start was confirmed automatically.
rq-auto-completion = Completion was confirmed automatically.
rq-detail-page-title = { $service } — request — HourBank
rq-lead = { $requester } asked { $provider } ·{" "}
rq-status = Status:{" "}
rq-waiting-for = Waiting for { $who }.
rq-add-to-calendar = Add to calendar (.ics)
rq-what-you-can-do = What you can do
rq-nothing-right-now = Nothing right now.
rq-negotiation = Negotiation
rq-round = Round { $n }, { $who }: { $terms }
rq-ratings = Ratings
rq-rating = { $who }: { $stars } of 5{ $comment }
rq-stars = Stars
rq-stars-5 = 5 — excellent
rq-stars-4 = 4 — good
rq-stars-3 = 3 — fine
rq-stars-2 = 2 — poor
rq-stars-1 = 1 — bad
rq-rate-comment = Comment (optional)
rq-rate = Rate
rq-history = History
rq-auto-confirmed-badge = {" "}auto-confirmed
rq-event-details = event { $seq } details
rq-lifecycle-heading = Where this request is in the lifecycle
rq-terms-line = { $duration } at rate { $rate } — costs { $cost }
rq-start-agreed = Agreed start: { $time }
rq-start-proposed = Proposed start: { $time }
rq-start-not-set = Start: not set (agree it in the messages)
rq-rate-label = Rate (credit-hours per hour, { $min } to { $max })
rq-start-optional = Start (optional)
rq-start-hint = Date and time in your time zone, { $zone }; at most { $days } days ahead.
rq-col-provider = Provider
rq-col-requester = Requester
rq-filter-label = Filter by status
rq-filter-open = Open
rq-filter-closed = Closed
rq-filter-all = All
rq-nothing-here = Nothing here.
rq-col-service = Service
rq-col-status = Status
rq-col-hours = Hours
rq-col-start = Start
rq-col-next-deadline = Next deadline
rq-your-turn-badge = {" "}your turn
rq-my-requests-page-title = My requests — HourBank
rq-my-requests = My requests
rq-my-requests-intro = Services you asked other members for.{" "}
rq-find-a-service = Find a service
rq-inbox-page-title = Inbox — HourBank
rq-inbox = Inbox
rq-inbox-intro = Requests for your services. Those waiting for you come first.
rq-bucket-available = available
rq-bucket-held = held
rq-transfer-grant = grant
rq-transfer-deduct = deduct
rq-transfer-hold = hold
rq-transfer-post = post
rq-transfer-void = void
rq-transfer-adjust = adjust
rq-balance-page-title = Balance — HourBank
rq-balance-heading = Balance and statement
rq-balance-available = Available
rq-balance-held = Held in escrow
rq-balance-download-csv = Download the statement as CSV
rq-balance-caption = Every movement of your hours, newest first
rq-balance-col-when = When
rq-balance-col-what = What
rq-balance-col-part = Account part
rq-balance-col-minutes = Minutes
rq-balance-col-request = Request
rq-balance-open = open
rq-notifications-page-title = Notifications — HourBank
rq-notifications = Notifications
rq-mark-all-read = Mark all read
rq-no-notifications = No notifications yet.
rq-mark-read = Mark read

ld-starting-credit = starting credit
ld-escrow-hold = escrow hold
ld-hold-adjusted = hold adjusted to negotiated terms
ld-payment = payment
ld-refund = refund
ld-dispute-split = dispute split

## Admin pages

# Admin pages (dashboard, disputes, members).

ad-loading = Loading…
ad-admins-only = Admins only
ad-admins-only-text = This page is for HourBank's admins.
ad-back-to-start = Back to the start page
ad-timing = median { $median }, p90 { $p90 } (of { $count })
ad-no-data-yet = no data yet
ad-chart-label = Requests per day by outcome (the table below has the numbers)
ad-dashboard-page-title = Dashboard — HourBank admin
ad-dashboard-heading = Dashboard
ad-open-disputes = Open disputes
ad-members = Members
ad-conservation = Conservation
ad-conservation-balanced = Balanced
ad-conservation-broken = BROKEN
ad-conservation-detail = sum of all balances { $total } min · { $mismatched } accounts differ from their entries · { $negative } negative · { $unbalanced } unbalanced transfers
ad-conservation-checked = Checked
ad-in-escrow-now = In escrow now
ad-success-rate = Success rate
ad-success-rate-hint = paid ÷ closed
ad-auto-confirmed = Auto-confirmed
ad-auto-confirmed-counts = { $starts } starts, { $completions } completions
ad-timings = Timings
ad-timings-window = Requests made in the last { $count } days.
ad-response-time = Time to the provider's answer: { $timing }
ad-payment-time = Time from request to payment: { $timing }
ad-requests-by-state = Requests by state now
ad-col-state = State
ad-col-requests = Requests
ad-last-days = The last { $count } days
ad-col-day = Day
ad-alarms = Alarms
ad-alarms-none = None.
ad-mail = E-mail
ad-mail-off = E-mail is off: no SMTP server is configured (HOURBANK_SMTP_URL), so members hear of everything in the app only.
ad-mail-queue = { $waiting } waiting · { $sent } sent today · { $failing } failing
ad-needing-attention = Needing attention
ad-attention-none = Nothing: every timer fired.
ad-retry = Retry
ad-party-requester = requester
ad-party-provider = provider
ad-disputes-page-title = Disputes — HourBank admin
ad-disputes-intro = Oldest first. Open one to see its full history and resolve it: resume, pay the provider, refund, or split.
ad-no-open-disputes = No open disputes.
ad-col-opened = Opened
ad-col-service = Service
ad-col-requester = Requester
ad-col-provider = Provider
ad-col-raised-by = Raised by
ad-col-reason = Reason
ad-col-paused-in = Paused in
ad-col-held = Held
ad-role-admin = admin
ad-role-member = member
ad-status-active = active
ad-status-deactivated = deactivated
ad-members-page-title = Members — HourBank admin
ad-member-search-label = Search by name or e-mail
ad-member-search = Search
ad-members-shown = Members { $first }–{ $last } of { $total }
ad-members-none = No member matches.
ad-members-past-end = No members on this page; { $total } match in all.
ad-members-pages = Pages of members
ad-page-previous = ← Previous page
ad-page-next = Next page →
ad-login-please = Please{" "}
ad-login-link = log in
ad-login-as-admin = {" "}as an admin to see this page.
ad-col-name = Name
ad-col-email = E-mail
ad-col-role = Role
ad-col-available = Available
ad-col-status = Status
ad-col-action = Action
ad-deactivate-member = Deactivate { $name }
ad-reactivate-member = Reactivate { $name }
ad-deactivate = Deactivate
ad-reactivate = Reactivate
ad-member-page-title = Member — HourBank admin
ad-adjust-heading = Grant or deduct hours
ad-adjust-minutes = Minutes (negative to deduct)
ad-adjust-reason = Reason (required, kept in the ledger)
ad-adjust-apply = Apply
ad-col-as = As
ad-col-with = With
ad-col-cost = Cost
ad-statement = Statement
ad-col-when = When
ad-col-what = What
ad-col-part = Part
ad-col-minutes = Minutes

## Errors and refusals of forms and server functions

# Errors, refusals and the plain-text answers (prefix er-), in English.

## Validation of account fields

er-email-required = Enter your e-mail address.
er-email-too-long = That e-mail address is too long.
er-email-invalid = That doesn't look like an e-mail address (name@example.org).
er-name-required = Enter the name other members will see.
er-name-too-long = Your name can be at most { $max } characters.
er-name-unprintable = Your name contains characters we can't show.
er-password-too-short = Choose a password of at least { $min } characters.
er-password-too-long = A password can be at most { $max } characters.
er-password-required = Enter your password.
er-login-unknown-email = No account uses that e-mail address. Check it, or sign up.
er-login-wrong-password = Wrong password for that e-mail address.
er-login-deactivated = This account has been deactivated. Please contact an admin.
er-email-taken = An account with that e-mail address already exists. Log in instead?

## Numbers inside sentences: { $n } below 1000; { $thousands } is the rest of the number (itself grouped), { $units } its last three digits ("000" to "999").

er-number = { $n }
er-thousands = { $thousands },{ $units }

## Validation of services and searches

er-title-required = Enter a title.
er-title-too-long = The title can be at most { $max } characters.
er-title-unprintable = The title contains characters we can't show.
er-description-too-long = The description can be at most { $max } characters.
er-description-unprintable = The description contains characters we can't show.
er-category-required = Enter a category.
er-category-too-long = The category can be at most { $max } characters.
er-category-unprintable = The category contains characters we can't show.
er-response-window = The response window must be { $min } to { $max } hours.
er-search-too-long = Search text can be at most { $max } characters.
er-page-number = The page number must be a whole number from 1 to { $max }.
er-search-unprintable = Search text contains characters we can't show.
er-service-id-malformed = That service id is malformed.
er-service-not-editable = You have no such service (retired services can't be edited).
er-service-status = Choose active, paused or retired.
er-service-stays-retired = You have no such service (a retired service stays retired).

## Things that are not there. { $what } is what the store looked for, in English.

er-no-such-request = No such request.
er-no-such-service = No such service.
er-no-such-member = No such member.
er-no-such-ledger-account = No such ledger account.
er-no-such-thing = No such { $what }.
er-no-such-calendar = No such calendar.
er-no-such-service-title = (no such service)
er-no-counterpart = —
er-party-requester = requester
er-party-provider = provider

## Requests

er-request-id-malformed = That request id is malformed.
er-start-malformed = Enter the start as a date and a time, like 2027-03-08 10:00.
er-start-skipped = { $time } does not exist in { $zone } (the clocks skip that hour): choose another time.
er-rate-malformed = Enter the rate as a number like 1 or 1.25.
er-choose-party = Choose requester or provider.
er-unknown-action = Unknown action.
er-ask-not-asked = Only the system can take that step.
er-ask-missing-terms = Enter the terms of the counter-offer.
er-hours-required = Enter the hours.
er-hours-whole = Enter the hours as a whole number.
er-split-required = Enter the minutes for the provider.
er-split-whole = Enter the minutes for the provider as a whole number.
er-request-changed = This request changed; reload it and try again.
er-not-enough-hours = You don't have enough hours available.
er-not-enough-hours-for-this = You don't have enough hours available for this.
er-already-rated = You have already rated this request.
er-notification-id-malformed = That notification id is malformed.

## Admin

er-reason-length = Give a reason of 1 to { $max } characters.
er-reason-unprintable = The reason contains characters we can't show.
er-member-id-malformed = That member id is malformed.
er-deactivate-self = You can't deactivate your own account.
er-adjust-minutes = Enter a non-zero number of minutes (at most { $max } hours).
er-retry-not-flagged = That request is not waiting for attention.
er-retry-failed-again = The timer failed again; see the error below.

## E-mail, passwords and time zones

er-email-mode = Choose e-mail at once, a daily digest, or none.
er-no-mail-verify = This bank sends no e-mail, so there is nothing to verify.
er-already-verified = Your address is verified already.
er-verify-link-expired = This link has expired or was used already. Ask for a new one on your settings page.
er-reset-sent = If an account uses that address, we have sent it a link to set a new password. The link works once, for an hour.
er-no-mail-reset = This bank sends no e-mail. Please ask an admin to help you into your account.
er-reset-link-expired = This link has expired or was used already. Ask for a new one.
er-time-zone = Choose a time zone from the list, such as Europe/Madrid.
er-unsubscribed = Unsubscribed: no more e-mails.
er-unsubscribe-invalid = This unsubscribe link is not valid.

## Errors every page may show

er-unauthenticated = Please log in first.
er-forbidden = You are not allowed to do that.
er-rate-limited = Too many attempts. Please wait a minute and try again.
er-internal = Something went wrong on our side. Please try again.
er-internal-short = Something went wrong on our side.
er-form-malformed = The form was incomplete or malformed ({ $detail }).
er-unreachable = Could not reach HourBank. Check your connection and try again.
er-page-title = Something went wrong
er-page-back = Back to the start page

## The statement CSV's column names (one word each, no commas).

er-csv-time = time
er-csv-time-utc = time_utc
er-csv-kind = kind
er-csv-bucket = bucket
er-csv-minutes = minutes
er-csv-request-id = request_id
er-csv-reason = reason

## The lifecycle: states, events, holds, notices, refusals, e-mails, calendars

# The lifecycle's words (lc-): states, events, buttons, holds, refusals, notifications,
# their e-mails and calendar events.

## States

lc-state-initiated = submitted
lc-state-validating = being checked
lc-state-escrowed = hours held
lc-state-awaiting-response = waiting for the provider
lc-state-negotiating = negotiating
lc-state-accepted = accepted
lc-state-pending-start-confirmation = start to be confirmed
lc-state-in-progress = in progress
lc-state-pending-completion-confirmation = completion to be confirmed
lc-state-disputed = disputed
lc-state-completed = completed
lc-state-paid = paid
lc-state-rejected = rejected
lc-state-expired = expired
lc-state-cancelled = cancelled
lc-state-resolved = resolved by an admin
lc-daily-started = started

## Events, as the history and the refusals say them

lc-verb-submit = submit
lc-verb-start-validation = check
lc-verb-checks-passed = hold hours
lc-verb-checks-failed = refuse
lc-verb-notify-provider = notify the provider
lc-verb-accept = accept
lc-verb-decline = decline
lc-verb-counter = counter-offer
lc-verb-withdraw = withdraw
lc-verb-cancel = cancel
lc-verb-member-deactivated = cancel (member deactivated)
lc-verb-mark-started = mark started
lc-verb-confirm-start = confirm start
lc-verb-mark-completed = mark completed
lc-verb-confirm-completion = confirm completion
lc-verb-process-payment = pay
lc-verb-dispute = dispute
lc-verb-resume = resume
lc-verb-pay-provider = pay the provider
lc-verb-refund = refund
lc-verb-split = split
lc-verb-deadline = deadline passed

## Buttons of the request page

lc-button-accept = Accept
lc-button-decline = Decline
lc-button-counter = Send counter-offer
lc-button-withdraw = Withdraw request
lc-button-cancel = Cancel
lc-button-mark-started = Mark started
lc-button-confirm-start = Confirm start
lc-button-mark-completed = Mark completed
lc-button-confirm-completion = Confirm completion
lc-button-dispute = Raise a dispute
lc-button-resume = Resume
lc-button-pay-provider = Pay the provider
lc-button-refund = Refund the requester
lc-button-split = Split

## The text typed with an event: its name (lowercase) and its form label

lc-field-dispute-reason = reason for the dispute
lc-field-note = note
lc-field-reason = reason
lc-field-message = message
lc-field-text = text
lc-field-comment = comment
lc-label-dispute = What went wrong?
lc-label-required = { $name } (required)
lc-label-optional = { $name } (optional)

## What the timer does when a deadline passes

lc-on-fire-expire = the request expires and the hours go back
lc-on-fire-confirm-start = the start is confirmed automatically
lc-on-fire-confirm-completion = completion is confirmed automatically and the provider is paid
lc-on-fire-timer = the timer acts

## Whom a request waits for, and to do what; { $step } is one of lc-step-*

lc-step-awaiting-response = to accept, decline or counter-offer
lc-step-negotiating = to answer the counter-offer
lc-step-accepted = to mark the service started
lc-step-pending-start-confirmation = to confirm the start
lc-step-in-progress = to mark the service completed
lc-step-pending-completion-confirmation = to confirm completion
lc-step-disputed = to resolve the dispute
lc-waiting-requester = { $name } (the requester) { $step }
lc-waiting-provider = { $name } (the provider) { $step }
lc-waiting-admin = an admin { $step }
lc-waiting-nobody = no one: this request is closed

## Why a closed request ended

lc-end-not-sent = Not sent: { $reason }
lc-end-declined = Declined.
lc-end-declined-reason = Declined: { $reason }
lc-end-expired = Expired without an answer; the hours went back.
lc-end-withdrawn = Withdrawn by the requester.
lc-end-cancelled-by-provider = Cancelled by the provider.
lc-end-cancelled-by-provider-reason = Cancelled by the provider: { $reason }
lc-end-member-deactivated = Cancelled because a member was deactivated.
lc-end-dispute-refunded = An admin refunded the requester.
lc-end-dispute-split = An admin split the hours.

## Where a request's hours are

lc-hold-none = Nothing is held.
lc-hold-pending = { $amount } is held in escrow.
lc-hold-posted = { $amount } was paid to the provider.
lc-hold-voided = { $amount } was returned to the requester.
lc-hold-split = { $provider } was paid to the provider and { $requester } returned to the requester.

## Terms that cannot be offered

lc-terms-duration = Hours must be from { $min } to { $max }, in { $step }-minute steps.
lc-terms-rate = The rate must be from { $min } to { $max } credit-hours per hour.
lc-terms-message-too-long = The message can be at most { $max } characters.
lc-terms-message-unprintable = The message contains characters we can't show.
lc-terms-start-passed = The start time has passed: choose a later one.
lc-terms-start-too-far = The start can be at most { $days } days ahead.

## Checks that failed at submission

lc-failure-requester-inactive = Your account is not active.
lc-failure-provider-inactive = The provider's account is not active.
lc-failure-own-service = You can't request your own service.
lc-failure-service-unavailable = This service does not exist or is not taking requests.
lc-failure-insufficient-balance = You don't have enough hours: this request costs { $cost } and you have { $available } available.
lc-failure-duplicate-open-request = You already have an open request for this service.
lc-failure-too-many-open-requests = You have { $limit } open requests, the most allowed. Finish or withdraw one first.

## Why an action was refused

lc-rejection-not-a-party = Only the requester or the provider of this request can do that.
lc-rejection-closed = This request is { $state }; nothing more can happen to it.
lc-rejection-wrong-actor-requester = Only the requester can { $action } now.
lc-rejection-wrong-actor-provider = Only the provider can { $action } now.
lc-rejection-wrong-actor-admin = Only the admin can { $action } now.
lc-rejection-wrong-actor-timer = Only the timer can { $action } now.
lc-rejection-wrong-actor-system = Only the system can { $action } now.
lc-rejection-not-now = You can't { $action } a request that is { $state }.
lc-rejection-not-your-turn = It's the other member's turn to answer this offer.
lc-rejection-round-limit = This negotiation has had its { $max } counter-offers: accept or decline.
lc-rejection-text-required = Please give a { $what }.
lc-rejection-text-too-long = The { $what } can be at most { $max } characters.
lc-rejection-text-unprintable = The { $what } contains characters we can't show.
lc-rejection-invalid-split = A split must give the provider between 1 minute and { $max } (the hold is { $hold }).
lc-rejection-deadline-not-due = The deadline has not passed yet.
lc-rejection-stale-deadline = That deadline no longer applies.
lc-rejection-already-submitted = A request is submitted only once.
lc-rejection-not-rateable = You can rate the other member once the request is paid.
lc-rejection-invalid-stars = Choose from 1 to 5 stars.
lc-rejection-inconsistent = This request's record is inconsistent ({ $detail }); an admin has to look at it.
lc-ask-not-asked = Only the system can take that step.
lc-ask-missing-terms = Enter the terms of the counter-offer.
lc-ask-missing-share = Enter the minutes for the provider.

## Offers in notifications; { $start } is a date and time

lc-offer = { $duration } at rate { $rate } (cost { $cost })
lc-offer-starting = { $duration } at rate { $rate } (cost { $cost }), starting { $start }

## Notifications; { $deadline } is a date and time

lc-notice-not-sent = Your request was not sent: { $reason }
lc-notice-new-request = New request: { $offer }. Please answer by { $deadline }, or it expires and the hours go back.
lc-notice-counter-offer = Counter-offer (round { $round }): { $offer }. Please answer by { $deadline }.
lc-notice-accepted = Request accepted: { $offer }.
lc-notice-declined = The request was declined; the hours are back.
lc-notice-declined-reason = The request was declined: { $reason }. The hours are back.
lc-notice-withdrawn = The requester withdrew the request.
lc-notice-cancelled-by-provider = The provider cancelled the request; the hours are back.
lc-notice-cancelled-by-provider-reason = The provider cancelled the request; the hours are back: { $reason }
lc-notice-cancelled-by-deactivation = The request was cancelled because a member was deactivated.
lc-notice-marked-started = The provider says the service has started. Please confirm; it is confirmed automatically at { $deadline }.
lc-notice-start-confirmed = The requester confirmed the start.
lc-notice-marked-completed = The provider says the service is complete. Please confirm; at { $deadline } it is confirmed automatically and the provider is paid.
lc-notice-expired = The request expired without an answer; the hours are back.
lc-notice-start-auto-confirmed = The start was confirmed automatically after { $after }.
lc-notice-completion-auto-confirmed = The completion was confirmed automatically after { $after }.
lc-notice-paid = Paid: { $amount } went to the provider. You can now rate each other.
lc-notice-dispute-raised = A dispute was raised; everything is paused until an admin resolves it.
lc-notice-dispute-by-requester = A dispute was raised by the requester: { $reason }
lc-notice-dispute-by-provider = A dispute was raised by the provider: { $reason }
lc-notice-resumed = An admin resumed the request: { $note }
lc-notice-paid-by-admin = An admin paid the provider { $amount }: { $note }
lc-notice-refunded-by-admin = An admin refunded the requester { $amount }: { $note }
lc-notice-split-by-admin = An admin split the hours: { $provider } to the provider, { $requester } back: { $note }
lc-notice-rated = You were rated { $stars } of 5.
lc-notice-reminder = Reminder: you have until { $deadline } { $step }; then { $then }.
lc-notice-starts-soon = Reminder: the agreed work starts { $start }.
lc-notice-timer-failing = A request's timer keeps failing and needs an admin: { $error }
lc-notice-mail-failing = { $failing } e-mails keep failing to go out: { $error }
lc-notice-ledger-unbalanced = The ledger's conservation check does not balance: { $detail }

## Notification e-mail subjects

lc-subject-not-sent = Your request was not sent
lc-subject-new-request = New request: please answer
lc-subject-counter-offer = Counter-offer (round { $round })
lc-subject-accepted = Request accepted
lc-subject-declined = Request declined
lc-subject-withdrawn = Request withdrawn
lc-subject-cancelled = Request cancelled
lc-subject-confirm-start = Please confirm the start
lc-subject-start-confirmed = Start confirmed
lc-subject-confirm-completion = Please confirm completion
lc-subject-expired = Request expired
lc-subject-start-auto-confirmed = Start confirmed automatically
lc-subject-completion-auto-confirmed = Completion confirmed automatically
lc-subject-paid = Hours paid
lc-subject-dispute-raised = A dispute was raised
lc-subject-dispute-to-resolve = A dispute to resolve
lc-subject-dispute-resolved = Dispute resolved
lc-subject-rated = You were rated
lc-subject-reminder = Reminder: the timer acts soon
lc-subject-starts-soon = Reminder: the agreed work starts soon
lc-subject-timer-failing = Alarm: a timer keeps failing
lc-subject-mail-failing = Alarm: e-mail keeps failing
lc-subject-ledger-unbalanced = Alarm: the ledger does not balance

## E-mails

lc-mail-open-request = Open the request
lc-mail-digest-subject = Your day at { $bank }: { $count ->
    [one] { $count } update
   *[other] { $count } updates
}
lc-mail-digest-intro = Here is what happened since your last digest.
lc-mail-verify-subject = Please confirm your e-mail address
lc-mail-verify-body = Please confirm that this is your address, so that { $bank } can tell you when a member answers you or the timer acts on your hours.
lc-mail-verify-link = Confirm my address
lc-mail-set-password = Set a new password
lc-mail-reset-body = Someone asked to set a new password for your account. If it was you, the link below works once, for an hour. If not, ignore this e-mail: your password stays as it is.
lc-mail-no-more = No more e-mails from { $bank }

## Calendar events

lc-cal-service = HourBank service
lc-cal-the-provider = the provider
lc-cal-for = { $title } for { $name }
lc-cal-with = { $title } with { $name }
lc-cal-description = { $duration } at rate { $rate } ({ $cost } of credit). Status: { $state }. { $link }
lc-cal-name = { $bank }: agreed work

## The lifecycle graph

lc-graph-title = Lifecycle of a service request
lc-graph-went = Lifecycle of a request. This one went { $path } and is now { $state }.
lc-graph-then = { $before }, then { $after }

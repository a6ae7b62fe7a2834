# nhacviec: every word the users read, in English. Keys mirror vi.ftl.

## Roles and states

# One source for the state words, as in vi.ftl.
-st-open = Not started
-st-in-progress = In progress
-st-done = Done
-st-done-on-time = Done on time
-st-done-late = Done late
-st-overdue = Overdue
-st-waiting = Waiting for approval
-st-ongoing = Ongoing
-st-undated = No deadline yet
-st-cancelled = Cancelled
-evidence = evidence

role-name = { $role ->
    [member] staff member
    [unit_head] head of unit
    [coordinator] { $office } (coordinator)
    [chairman] chairman
    [province_leader] province leader
    [province_reviewer] Home Affairs reviewer
   *[other] { $role }
}
state-label = { $state ->
    [open] { -st-open }
    [in_progress] { -st-in-progress }
    [submitted] { -st-waiting }
    [done] { -st-done }
    [done-on-time] { -st-done-on-time }
    [done-late] { -st-done-late }
    [overdue] { $days } days overdue
    [ongoing] { -st-ongoing }
    [undated] { -st-undated }
    [cancelled] { -st-cancelled }
   *[other] { $state }
}
approval-state = { $state ->
    [approved] has been approved
    [rejected] has been refused or returned
    [withdrawn] has been withdrawn
   *[other] is waiting
}
office-unknown = the office
due-none = no deadline yet
no-unit = no unit assigned

## Commands (setMyCommands)

cmd-start = Start and link your account
cmd-viec = My tasks
cmd-quahan = Overdue tasks
cmd-canduyet = Waiting for my approval
cmd-tonghop = Summary report
cmd-moi = Invite someone
cmd-ngonngu = Change language
cmd-nhiemvu = Tasks by document
cmd-help = Help
cmd-chiso = PAR INDEX self-assessment

## Onboarding

not-registered = Hello! This is the People's Committee's reform task assistant. Your Telegram account is not linked yet: ask { $office } for an invite link and open it.
welcome = Welcome, { $name }! You are linked to { $organization } as { $role }{ $unit }.
    The bot will remind you before every deadline. Send /viec to see your tasks, /help for help.
welcome-back = Hello { $name }! Send /viec to see your tasks, /help for help.
unit-suffix = , unit { $unit }
invite-unknown = This invite code is not valid. Check the link or ask { $office } for a new one.
invite-used = This invite has already been used. Each link works once: ask { $office } for a new one.
invite-expired = This invite has expired (links are valid for 7 days). Ask { $office } for a new one.
invite-too-many-attempts = You entered a wrong invite code { $attempts } times within { $window } minutes. Try again after { $time } (in about { $minutes } minutes).
invite-already-bound = Your account is already linked to { $organization }.
invite-joined = 👋 { $name } joined as { $role }{ $unit }.

## Help

help-everyone = How to use the bot:
    /viec – your tasks, soonest first
    /quahan – overdue tasks
    /ngonngu – change language
    Each task has buttons: Done, Send evidence, Report progress, Ask for more time.
help-coordinator = For { $office }:
    /canduyet – completions and extensions waiting for approval
    /tonghop – summary report (/tonghop off: stop the weekly one; /tonghop on: get it again)
    /baocao – results report (Excel)
    /moi – create an invite link
    /nguoi – people by unit
    /rasoat – review the imported plan (dates, lead units, unit names)
    /caidat – reminder settings: office name, send time, reminder days, days off
    /chiso – PAR INDEX self-assessment: points, missing evidence, the self-scoring workbook

    /nhiemvu – tasks by assigning document (filter: quá hạn, xong, chưa xong, document number, unit)
help-chairman = For the leadership:
    /canduyet – extension requests waiting for a decision
    /tonghop – summary report (/tonghop off: stop the weekly one; /tonghop on: get it again)
    /nhiemvu – tasks by assigning document (filter: quá hạn, xong, chưa xong, document number, unit)

## Lists

register-title = 📚 Tasks by document: { $count } documents{ $filter }
register-filter = { " " }(filter: { $filter })
register-empty = No document has matching tasks{ $filter }.
register-document = 📄 { $name }
register-summary = “{ $summary }”
register-completion = Done { $done }/{ $total }{ $overdue ->
    [0] {""}
   *[other] { " " }· ⚠️ { $overdue } overdue
}
register-task = { $icon } { $title } — { $lead }{ $due }
register-task-due = { " " }— due { $date }
register-no-lead = no lead unit yet
register-more-tasks = … and { $count } more tasks
register-more-documents = … and { $count } more documents; filter by document number, unit or “quá hạn” to see them.
register-hint = Type /nhiemvu quá hạn, /nhiemvu 25/TB-UBND or /nhiemvu <unit name> to filter.

tasks-title = 📋 Open tasks: { $count }{ $pages ->
    [1] {""}
   *[other] {" "}(page { $page }/{ $pages })
}
tasks-empty = 🎉 No open tasks.
overdue-title = ⏰ Overdue tasks: { $count }{ $pages ->
    [1] {""}
   *[other] {" "}(page { $page }/{ $pages })
}
overdue-empty = 👍 Nothing is overdue.
task-line = { $colour } { $index }. { $number } { $title }
    Due: { $due } · { $state }{ $unit }
task-unit = · { $unit }
btn-done = ✅ { $index }. Done
btn-evidence = 📎 Send evidence
btn-progress = 📈 Report progress
btn-extend = ⏳ Ask for more time
btn-prev = ◀ Previous page
btn-next = Next page ▶
btn-cancel = Cancel
btn-skip = Skip

## Acting on a milestone

not-allowed = ⛔ You may not act on this task: only the lead unit, { $office } and the committee's leadership can.
button-stale = This button is no longer valid. Send /viec for a fresh list.
milestone-closed = “{ $title }” { $state ->
    [done] is already done
    [cancelled] was cancelled
   *[other] is no longer open
}; nothing more to do.
input-cancelled = Cancelled.
unknown-text = Send /viec to see your tasks or /help for help.
error-generic = Something went wrong; please try again in a few minutes.

done-needs-evidence = The product of “{ $title }” is a document ({ $product }). Send the evidence file (a document or photo, up to 20 MB) here; the bot asks for approval once it has the file.
completion-submitted = ✅ “{ $title }” recorded as done and sent to { $office } for approval.
completion-done = ✅ “{ $title }” is done.
completion-already-submitted = “{ $title }” is already waiting for approval.

evidence-ask = Send the evidence file for “{ $title }” (a document or photo, up to 20 MB), or type the document's reference, e.g.: Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã …
evidence-too-large = “{ $file }” is larger than 20 MB, which Telegram does not let bots download. Compress it or send a lighter version.
evidence-saved = 📎 Evidence “{ $file }” saved for “{ $title }”.
evidence-unexpected = Which task is this file evidence for? Press “Send evidence” on that task (send /viec to see them).
evidence-failed = The file could not be downloaded from Telegram. Please send it again.

evidence-reference-check =
    The bot read this evidence document for “{ $title }”:
    • Type: { $type }
    • Number and symbol: { $number }
    • Issued on: { $date }
    • Issued by: { $issuer }
    Press “Correct, save evidence” to save it, or type it again if it is wrong.
btn-reference-save = ✅ Correct, save evidence
evidence-reference-saved = 📑 Saved the evidence “{ $citation }” for “{ $title }”.
evidence-reference-duplicate = “{ $citation }” is already evidence for “{ $title }”.
evidence-reference-bad = { $reason ->
    [no-number] No document number and symbol found (e.g. 15/KH-UBND).
    [no-date] No date of issue found (e.g. ngày 20/01/2026).
    [impossible-date] That date of issue does not exist; please check it.
    [no-issuer] No issuing body found (e.g. “của UBND xã Gio Sơn”).
   *[other] The document could not be read.
} Send a file, or type it like: Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã …

progress-ask = How far along is “{ $title }”?
progress-saved = 📈 Progress { $percent }% recorded for “{ $title }”. Type a note if you like, or press Skip.
progress-note-saved = 📝 Note saved for “{ $title }”.

extension-ask-date = Until when do you need “{ $title }” extended (due now { $due })? For example: 15/3, thứ 6 tuần sau, cuối tháng.
extension-bad-date = “{ $text }” is not a date I can read. Try again, e.g. 15/3, ngày 15 tháng 3, 2 tuần nữa.
extension-impossible-date = “{ $text }” is not a real date. Try again.
extension-not-later = The new date ({ $date }) must be after the current deadline ({ $due }). Try again.
date-past = “{ $text }” is { $date }, a day already past. Type a day from today on.
date-ambiguous = “{ $text }” could be more than one day. Which one do you mean?
date-weekday-mismatch = “{ $text }”: that date is { $date }, not a { $written }. Which day do you mean?
extension-ask-reason = Extend to { $date }. What is the reason?
extension-submitted = ⏳ Extension of “{ $title }” to { $date } requested. You will hear when it is decided.
extension-already-pending = “{ $title }” already has an extension request waiting for a decision.

## Approvals

approval-completion-request = 📝 { $person } ({ $unit }) reports done:
    { $number } { $title }
    Due: { $due } · Reported: { $submitted } · Evidence: { $evidence } file(s)
approval-extension-request = ⏳ { $person } ({ $unit }) asks for more time:
    { $number } { $title }
    Due now: { $due } → asked: { $date }
    Reason: { $reason }
btn-approve = ✔️ Approve
btn-return = ↩️ Return
btn-grant = ✔️ Agree
btn-deny = ✖️ Refuse
approval-decided = { $decision ->
    [approved] ✔️ Approved
    [returned] ↩️ Returned
    [granted] ✔️ Extension granted
   *[denied] ✖️ Extension refused
} ({ $person }).
approval-already-decided = This request { $state }.
approval-stale = The deadline changed after this request was made; the request no longer applies.
return-ask-comment = Why is “{ $title }” returned? The person who reported it done gets this message.
notify-completion-approved = ✅ “{ $title }” has been approved as done.
notify-completion-returned = ↩️ “{ $title }” was returned: { $comment }
notify-extension-granted = ⏳ The extension of “{ $title }” to { $date } was granted. Reminders follow the new deadline.
notify-extension-denied = The extension of “{ $title }” was refused. The deadline stays { $due }.
pending-title = 🗂 Waiting for your approval: { $count }
pending-empty = Nothing is waiting for your approval.

## Digest

digest-not-allowed = Only { $office } and the committee's leadership can see the summary.
digest-weekly-off = The weekly digest will no longer be sent to you, on any channel (Telegram, Zalo, email). Reminders and notices still come; /tonghop still shows the digest when you ask. Type /tonghop on to get it again.
digest-weekly-off-already = You had already stopped the weekly digest. Type /tonghop on to get it again.
digest-weekly-on = The weekly digest is on again for you, on every channel you have.
digest-weekly-on-already = You already get the weekly digest. Type /tonghop off to stop it.
digest-switch-unknown = “{ $text }” is not something /tonghop takes. Type /tonghop for the digest, /tonghop off to stop the weekly one, /tonghop on to get it again.
digest-title = 📊 Summary, week of { $week }
digest-counts = 🔵 On track: { $onTrack }
    🟡 Due this week: { $dueThisWeek }
    🔴 Overdue: { $overdue }
    🟢 Done on time: { $doneOnTime }
    🟠 Done late: { $doneLate }
digest-ongoing = 🔁 Ongoing duties: { $count }
digest-no-date = ⚪ No deadline yet: { $count }
digest-source = 📄 From { $source }: { $count } overdue
digest-source-plan = the annual plan
digest-unit = ⏰ { $unit } ({ $count } overdue)
digest-item = { "  " }- { $number } { $title }: due { $due }, { $days } days overdue
digest-more = … and { $count } more overdue (/quahan)

## Reminders (sent by the worker)

reminder-source = { "   " }↳ From { $source }
reminder-title = 🔔 Reminder: { $count } task(s)
reminder-line = { $index }. { $kind ->
    [start] Starts now
    [reminder] Due soon
    [due] Due today
    [overdue] Overdue
    [escalation] Overdue, needs direction
    [checkin] Monthly progress check
   *[other] To do
}: { $number } { $title }{ $unit }{ $due }{ $late }
reminder-unit = { " " }[{ $unit }]
reminder-due = { " " }– due { $date }
reminder-late = { " " }({ $days } days overdue)
reminder-due-day-off = { " " }– due { $date } (day off: { $reason })
reminder-line-due-ahead = { $index }. Due { $when }: { $number } { $title }{ $unit }{ $due }{ $late }
reminder-weekend = weekend
reminder-tomorrow = tomorrow
reminder-supporting = { " " }(your unit supports this task)
reminder-no-recipient = { " " }⚠️ Nobody to receive this in { $units } yet; invite someone (/moi).
calendar-unpublished = 📅 The { $year } Tết holiday arrangement has not been published yet; reminders follow the law for now (Tết break { $first } to { $last }, public holidays per the Labour Code).
needs-date-title = 📅 { $count } task(s) without a deadline need a date:
needs-date-line = - { $number } { $title }{ $written }
needs-date-more = … and { $count } more
unreachable-person = ⚠️ Reminders cannot reach { $name }: they blocked the bot or deleted the chat. Please contact them directly.
unreachable-person-email = ⚠️ Reminders cannot reach { $name }: their mailbox refuses mail. Contact them directly or enter their email again.

## Language

language-ask = Chọn ngôn ngữ / Choose a language:
# Each language is named in itself, so a reader of either finds theirs.
btn-language-vi = 🇻🇳 Tiếng Việt
btn-language-en = 🇬🇧 English
language-set = Switched to English.

## Invites from the chat

invite-not-allowed = Only { $office } can create invite links.
invite-choose-role = Invite someone as…
invite-choose-unit = Which unit do they belong to?
invite-no-units = There are no units yet: import a plan first.
invite-created = 🔗 Invite link for a { $role }{ $unit }, single use, expires { $expires }:
    { $link }

## Typed dates (parse-dates)

date-error = { $reason ->
    [ambiguous] could be more than one day; pick one
    [empty] empty line
    [impossible-date] no such date
   *[unknown] not a date I can read
}

## Importing a plan from the chat

import-reading = ⏳ Reading “{ $file }”…
import-preview-new = 📄 New plan “{ $title }” ({ $year }):
import-preview-update = 📄 Update of the plan “{ $title }” ({ $year }):
import-preview-document-new = 📄 New document: { $source }
import-preview-document-update = 📄 Document imported before: { $source }
import-document-summary = “{ $summary }”
import-task-line = { $index }. { $title } — lead: { $lead }; due: { $deadline }
import-task-no-lead = ⚠️ needs a lead unit
import-task-no-date = ⚠️ needs a deadline
import-tasks-more = … and { $count } more tasks
import-needs-receipt = • { $count } tasks are due counting from the day the document was received: type that day (e.g. 03/12/2026) to compute them before confirming.
import-received-on = • Received on: { $date }
import-counts = • { $tasks } tasks, { $milestones } deadlines
    • { $needsDate } tasks need a date or a review of their deadline
    • { $units } units mentioned
import-new-units = • { $count } new unit names: { $names }
import-unassigned = • { $count } tasks without a lead unit
import-warnings = • { $count } tasks with warnings
import-no-changes = • Nothing changed since the last import
import-added = • Added { $count }: { $tasks }
import-removed = • Removed { $count }: { $tasks }
import-moved = • Deadline of { $task }: “{ $from }” → “{ $to }”
import-changed = • Content changed { $count }: { $tasks }
import-confirm-question = Nothing is saved yet. Press “Confirm” to apply it and schedule the reminders.
import-too-many-tasks = ⚠️ This plan has { $tasks } tasks, more than the limit of { $limit } tasks for one plan: the file may have been misread. Nothing has been saved.
    Confirm importing { $tasks } tasks?
btn-import-confirm = ✅ Confirm
btn-import-tasks = Import { $tasks } tasks
import-applied = ✅ Plan saved: { $tasks } tasks, { $milestones } deadlines; reminders are scheduled.
import-cancelled = Cancelled; the plan is unchanged.
import-nothing-assigned = ℹ️ Nothing was imported: { $reason }.
import-failed = ❌ The file could not be read: { $error }
import-file-changed = The file is not what was previewed; please send it again.
import-unsupported = ❌ “{ $file }” is not a plan file the bot reads ({ $extensions }).
import-not-allowed = Only { $office } can import plans. If this is evidence, press “Send evidence” on its task (/viec).

## Reviewing an import (/rasoat)

cmd-rasoat = Review the imported plan
review-title = 🧭 To decide: { $count } item(s) (item { $index }/{ $count })
review-empty = ✅ Nothing left to decide.
review-date = 📅 { $number } { $title } has no due date. The plan says: “{ $written }”.
review-lead = 👥 { $number } { $title } has no lead unit.{ $proposed }
review-proposed = { " " }The plan suggests: { $names }.
review-unit = 🏷 “{ $name }” ({ $count } tasks) matches no unit. Is it another name of a unit, or a unit of its own?
review-no-recipient-tasks = This unit leads or supports { $count } open tasks; their reminders are going to the coordinators.
review-warnings = ⚠️ { $number } { $title }:
    { $warnings }
btn-review-set-date = 📅 Set a date
btn-review-skip = Skip ▶
btn-review-keep = A unit of its own
btn-review-merge = = { $unit }
btn-review-seen = 👍 Seen
review-receipt = 📨 { $document }: { $count } tasks counted “from the day the document was received”, and that day is not set.
btn-review-set-receipt = 📨 Enter the date of receipt
review-ask-receipt = Enter the day { $document } was received (for example: 05/12/2026, yesterday):
review-receipt-set = ✅ { $document } received on { $date }. { $count } tasks counted from it; reminders are scheduled.
review-receipt-task = • { $number } { $title }: due { $dates }
receipt-future = The date of receipt “{ $text }” is { $date }, which has not come yet. Type the day the document reached the office, for example 05/12/2026.
receipt-not-a-day = The date of receipt is one day, and “{ $text }” is not. Type it again, for example 05/12/2026.
receipt-bad-date = The date of receipt “{ $text }” was not understood. Type it again, for example: 05/12/2026, 5/12, yesterday.
review-ask-date = Type the due date for { $number } (e.g. 15/3, cuối quý 2, 30/6/2025):
review-date-set = ✅ { $number }: due { $date }; reminders are scheduled.
review-lead-set = ✅ { $number }: lead unit is { $unit }.
review-merged = ✅ “{ $from }” is another name of “{ $into }”; the next import will know it.
review-kept = ✅ “{ $name }” is a unit of its own.
review-seen = 👍 Noted.

## Reports (/baocao, export)

cmd-baocao = Results report (Excel)
report-not-allowed = Only { $office } and the committee's leadership can export reports.
report-caption = 📊 Reform results report – { $organization }, { $date }
report-empty = There are no tasks to report yet.
report-sheet-results = Results
report-col-number = No.
report-col-task = Task
report-col-milestone = Milestone
report-col-product = Product
report-col-lead = Lead unit
report-col-due = Due
report-col-state = State
report-col-rating = Rating
report-col-completed = Completed on
report-col-days-late = Days late
report-col-assignee = Done by
report-col-evidence = Evidence
report-col-total = Total
report-rating = { $colour ->
    [green] { -st-done-on-time }
    [blue] { -st-in-progress }
    [orange] { -st-done-late }
    [red] { -st-overdue }
   *[other] { -st-undated }
}

report-title = SUMMARY OF RESULTS OF THE ADMINISTRATIVE REFORM PLAN
report-as-of = (As of { $date })
report-page = Page
report-ongoing = Ongoing
report-section-total = Section { $section } total
report-grand-total = TOTAL
report-tally-line = { $total } milestones: done { $done } ({ $rate }), of which late { $late }; overdue { $overdue }; in progress { $pending }; ongoing { $ongoing }
report-summary-title = TOTALS BY SECTION AND BY LEAD UNIT
report-by-section = By section of the plan
report-by-unit = By lead unit
report-col-group = Section / Unit
report-col-done = Done
report-col-rate = Completion rate
report-col-done-late = Of which late
report-col-overdue = Overdue
report-col-in-progress = In progress
report-col-ongoing = Ongoing
report-place-date = ……, date …… month …… year ……
report-signer-preparer = PREPARED BY
report-signer-head = CHAIRMAN
report-sign-hint = (Signature, full name)
report-sign-seal = (Signature and seal)
report-choose = Choose the report to export:
btn-report-period = 📝 CCHC report { $period } (Word)
report-docx-caption = 📝 CCHC results report { $period } – { $organization }. The parts in [square brackets] are for staff to write before signing.

## Digest chart

chart-title = Progress by unit – week of { $week }
chart-on-time = On time
chart-late = Late
chart-overdue = Overdue
chart-ongoing = Ongoing

## People (/nguoi)

cmd-nguoi = People
people-title = 👥 People – { $organization }
people-unit = 🏢 { $unit }
people-leaders = 🏛 Leadership and coordination
people-person = { "  " }{ $state ->
    [unreachable] ⚠️
   *[joined] ✅
} { $name } ({ $role }){ $state ->
    [unreachable] { " " }– blocked the bot, gets no reminders
   *[joined] {""}
}
people-invited = { "  " }✉️ { $name } ({ $role }) – invited, not joined yet, link expires { $expires }
people-invited-unnamed = name not given
people-empty-unit = { "  " }(nobody yet)
btn-people-deactivate = ⛔ { $name }
people-deactivate-ask = Stop reminders for { $name }? They lose their roles; the unit's work stays as it is. They can be invited again later.
btn-people-deactivate-confirm = Stop reminders
people-deactivated = Reminders stopped for { $name }.
people-unit-empty = ⚠️ Nobody in { $unit } gets reminders any more. Invite someone:
btn-people-invite-replacement = Invite someone to { $unit }
people-not-self = You cannot deactivate your own account.

## Web app

cmd-web = Open the dashboard on the web
web-link-message = Your dashboard sign-in link (single use, expires in 10 minutes):
    { $url }
web-open-button = Open the dashboard
web-menu-button = Dashboard
web-skip = Skip to the main content
web-nav-label = Navigation
web-nav-plan = Plan
web-nav-overview = Overview
web-sign-out = Sign out
web-signed-out = You are signed out.
web-plan-title = Administrative reform plan – { $org }
web-col-number = No.
web-col-task = Task
web-col-activity = Activity, product
web-col-lead = Lead
web-col-support = Support
web-col-deadline = Deadline
web-col-state = State
web-col-days-late = Days late
web-filter-unit = Lead unit
web-filter-state = State
web-filter-section = Section
web-filter-from = Due from
web-filter-to = Due until
web-filter-search = Search
web-filter-all = All
web-filter-apply = Filter
web-filter-clear = Clear filters
web-plan-count = { $shown }/{ $total } milestones of { $tasks } tasks
web-plan-empty = No task matches the filters.
web-state-name = { $state ->
    [open] Not started
    [in_progress] In progress
    [submitted] Awaiting approval
    [done] Done
    [overdue] Overdue
    [cancelled] Cancelled
   *[other] { $state }
}
web-schedule = Deadline and state
web-start = Start
web-written = Deadline as written in the plan
web-product = Product
web-progress = Progress
web-days-late = { $days } days late
web-pending-completion-title = Completion awaiting approval
web-pending-completion = { $person } reported it done at { $date }, with { $evidence } evidence files.
web-approve = Approve completion
web-return = Return
web-return-comment = Why it is returned (the reporter will read this)
web-return-needs-comment = Please say why it is returned.
web-pending-extension-title = Extension request
web-pending-extension = { $person } asks to extend to { $date }. Reason: { $reason }
web-grant = Grant the extension
web-deny = Refuse
web-comment = Comment (optional)
web-set-date = Set the deadline
web-set-date-hint = Type a date as in the chat: 15/9/2025, cuối quý 3, thứ 6 tuần sau
web-set-date-button = Save the deadline
web-date-unknown = Could not read the date “{ $text }”. Try “15/9/2025” or “cuối quý 3”.
web-date-choose = “{ $text }” could be: { $choices }. Type the day you mean.
web-date-weekday-mismatch = “{ $text }”: that date is { $date }, not a { $written }. Type the day you mean: { $choices }.
web-evidence = Evidence
web-evidence-none = No evidence yet.
web-notes = Progress notes
web-notes-none = No progress notes yet.
web-events = History
web-event = { $action ->
    [imported] Imported from the plan
    [deadline-moved] Deadline changed
    [completion-submitted] Reported done
    [completed] Completed
    [completion-approved] Completion approved
    [completion-returned] Returned
    [evidence-attached] Evidence sent
    [progress] Progress reported
    [progress-note] Progress note
    [extension-requested] Extension requested
    [extension-approved] Extension granted
    [extension-refused] Extension refused
    [lead-assigned] Lead unit assigned
   *[other] { $action }
}
web-done = { $what ->
    [approve] Approved; the reporter was told in Telegram.
    [return] Returned; the reporter was told in Telegram.
    [grant] Extension granted.
    [deny] Extension refused.
    [date] New deadline saved.
    [lead] Lead unit changed; the units' people were told in Telegram.
   *[other] Saved.
}
web-closed = This task is done or cancelled and cannot be changed.
web-bad-request = Invalid request.
web-overview-title = Overview – { $org }
web-overview-per-unit = Milestones by lead unit
web-overview-attention = Needs attention
web-overview-overdue = Overdue
web-overview-none-overdue = Nothing is overdue.
web-error-title = Could not do that
web-csrf = The form is stale or invalid; nothing was saved. Reload the page and try again.
web-not-found-title = Not found
web-not-found = This page does not exist, or you may not see it.
web-signin-title = Sign in to nhacviec
web-signin-link-intro = Press the button to sign in with the link you just received in Telegram. The link works once.
web-signin-button = Sign in
web-signin-refused = This link is invalid, already used or expired. Type /web in Telegram for a new one.
web-signin-needed = Open the dashboard from Telegram (the “Open the dashboard” button), or type /web in the chat with the bot for a sign-in link.
web-signin-rate-limited = Too many sign-in attempts. Wait a few minutes and try again.
web-mini-app-wait = Signing in…
web-mini-app-missing = This page must be opened from Telegram.
web-mini-app-refused = Could not sign in: this Telegram account is not connected to nhacviec.
web-section = Section { $section }
web-nav-import = Import a plan
web-import-title = Import a plan
web-import-file = Plan file ({ $extensions })
web-import-preview = Preview
web-import-no-file = Choose a plan file.
web-receipt-label = Date of receipt
web-receipt-none = not given
web-receipt-awaiting = { $count } tasks counted from the date of receipt are waiting for it
web-receipt-set = Save the date of receipt
web-receipt-correct = Correct the date of receipt
web-receipt-saved = The date of receipt is saved: the tasks counted from it have their due dates and reminders.
web-receipt-empty = Date of receipt: choose a day.
web-receipt-choose = The date of receipt “{ $text }” could be: { $choices }. Type the full day/month/year.
web-receipts-waiting = Documents waiting for their date of receipt ({ $count })
web-import-received-on = Date of receipt (optional; for deadlines counted “from the day the document was received”)
web-import-confirm = Confirm and schedule reminders
web-import-cancel = Cancel

## Send kinds and recipients (preview)

send-kind = { $kind ->
    [start] window opens
    [reminder] reminder before the due day
    [due] due today
    [overdue] overdue (to the unit)
    [escalation] overdue (to the leadership)
    [checkin] monthly progress check
    [digest] weekly digest for the chairman
    [needs-date] list of tasks without a date
   *[other] { $kind }
}
send-recipient = { $role ->
    [member] unit
    [coordinator] coordinators
    [chairman] chairman
   *[other] { $role }
}
preview-line = { $when }  { $kind } → { $to }{ $task }{ $due }
preview-due = { " " }(due { $date })
preview-supporting = { $unit } (supporting)
preview-stand-in = { $people } (coordinator, nobody to receive in { $unit })
preview-nobody = nobody ({ $to } has no one yet)

## Web app: units and people, lead changes, reports

web-nav-people = Units and people
web-nav-register = Tasks by document
web-register-title = Tasks by document – { $org }
web-register-source = Document
web-register-unit = Unit (lead or support)
web-register-count = { $count } documents
web-register-empty = No document has matching tasks.
web-register-completion = Done { $done }/{ $total }{ $overdue ->
    [0] {""}
   *[other] { " " }· { $overdue } overdue
}
web-register-workbook = Download the results workbook (.xlsx)
web-register-standing = { $standing ->
    [done] Done
    [overdue] Overdue
   *[open] In progress
}
web-nav-reports = Reports
web-people-title = Units and people – { $org }
web-people-leaders = Leaders and coordinators
web-people-none = Nobody yet.
web-people-unreachable = cannot be reached
web-people-tasks = leads { $lead }, supports { $support } tasks
web-people-aliases = Also written: { $aliases }
web-people-deactivate = Stop reminders
web-people-units = Units
web-deactivate-title = Stop reminders for { $name }
web-deactivated = Reminders stopped for { $name }; they were signed out of the dashboard.
web-unit-empty = Nobody in { $unit } receives reminders any more: invite someone.
web-cancel = Back
web-invite-title = Invite someone
web-invite-result = The invite just made
web-invite-role = Role
web-invite-unit = Unit (for staff and unit heads)
web-invite-unit-none = None (leaders, coordinators)
web-invite-name = Full name (optional)
web-invite-button = Create invite
web-invite-created = Invite for { $role }{ $unit } created, single use, expires { $expires }. Send this link to the person:
web-invite-code = Or they type in the chat with the bot: /start { $code }
web-invite-needs-unit = Staff and unit heads belong to a unit: choose one.
web-merge-title = Merge two units
web-merge-hint = The first unit is merged into the second: tasks, people and invites move; the old name becomes another spelling for later imports.
web-merge-from = Unit to merge
web-merge-into = Merge into
web-merge-button = Merge
web-merge-same = Choose two different units.
web-merged = “{ $from }” merged into “{ $into }”.
web-split-title = Split a cell naming several units
web-split-hint = A lead or support cell of the plan named several units in one name. One unit per line; the cell's tasks go to each unit.
web-split-parts = Split “{ $unit }” into (one unit per line)
web-split-button = Split
web-split-done = “{ $from }” split into: { $into }.
web-split-none = No unit has a name listing several units.
web-lead-title = Change the lead unit
web-lead-unit = New lead unit
web-lead-button = Change lead
web-lead-same = { $unit } already leads this task.
notify-lead-gained = 📌 { $unit } now leads the task “{ $title }” (due { $due }). Type /viec to see it.
notify-lead-lost = ℹ️ The task “{ $title }” is now led by { $unit }; { $old } no longer leads it.
notify-deadline-moved = 📅 The deadline of task { $number } “{ $title }” ({ $unit }) moved from { $from } to { $to }.
notify-plan-applied = 📥 { $person } applied { $created ->
    [yes] a new document
   *[no] an update of
} “{ $title }”: { $tasks } tasks, { $added } new, { $removed } removed, { $moved } with a new deadline.
notify-plan-applied-by-system = the system
notify-stand-in = ⚠️ Nobody can be reached in { $unit }; you receive this in their place (invite someone: /moi):
web-reports-title = Reports – { $org }
web-reports-workbook = Plan results workbook
web-reports-workbook-hint = Every milestone with its state, days late and evidence, as of { $date }.
web-reports-cchc = Administrative reform (CCHC) report (Decree 30/2020)
web-reports-cchc-hint = Results of the period and the next period's tasks, in the official document layout.
web-reports-download = Download { $format }
web-reports-failed = The file could not be made: { $error }
## Office settings (/caidat and the web settings page)

cmd-caidat = The office's reminder settings
settings-title = ⚙️ Reminder settings of { $office }
settings-pick = Press an item to change it.
settings-field-officeName = Office name
settings-field-sendTime = Send time
settings-field-workingDaysBefore = Reminders before due (working days)
settings-field-overdueSteps = Overdue notices after (working days): unit / office / chairman
settings-field-remindSupportingUnits = Remind supporting units
settings-field-weeklyDigestDay = Weekly digest day
settings-field-weeklyDigestTo = Weekly digest goes to
settings-field-dayOff = Add a day off of our own
settings-field-workingDay = Add a working day (make-up day)
settings-field-clearDay = Remove a day we added
settings-field-days = Our own days
settings-line = { $label }: { $value }
settings-unset = (not set)
settings-yes = yes
settings-no = no
settings-to-chairman = Chairman
settings-to-coordinators = Office
settings-to-both = Both
settings-days-none = none
settings-days = off: { $off }; working: { $working }
settings-ask-officeName = Type the office's name, e.g. Văn phòng HĐND và UBND xã
settings-ask-sendTime = Type the send time (HH:MM), e.g. 07:30
settings-ask-workingDaysBefore = Type the working days before due that get a reminder, separated by /, e.g. 14/7/3/1
settings-ask-overdueSteps = Type 3 numbers of working days after due to tell the unit / office / chairman, e.g. 1/3/7
settings-ask-dayOff = Type a day off of our own (dd/mm/yyyy), e.g. 02/01/2027
settings-ask-workingDay = Type a working (make-up) day of our own (dd/mm/yyyy), e.g. 09/01/2027
settings-ask-clearDay = Type the day to remove (dd/mm/yyyy)
settings-ask-choice = Choose { $label }:
settings-change = { $label }: { $before } → { $after }
settings-effect-none = No coming reminder changes.
settings-effect-retimed = { $count } coming reminders move from { $from } to { $to }
settings-effect-added = { $count } new reminders
settings-effect-removed = { $count } reminders dropped
settings-effect-first = first: { $when }
settings-effect-digest = Next weekly digest: { $before } → { $after }
settings-confirm-ask = Apply this change?
settings-confirm-button = ✅ Apply
settings-applied = ✅ Saved. Coming reminders were planned again; those already sent stay as they were.
settings-not-allowed = Only { $office } can change the reminder settings.
settings-same = This is the current value; nothing changes.
settings-expired = This change is no longer waiting for confirmation. Type /caidat to start again.
web-nav-settings = Settings
web-settings-field = Setting
web-settings-value = New value
web-settings-preview-button = Preview
web-settings-apply-button = Apply
web-settings-back = Back to settings
## Zalo
zalo-not-registered = Hello! This is the administrative-reform reminder assistant of the People's Committee. Your Zalo is not connected yet: send here the invite code { $office } sent you. If you already use Telegram, type /zalo there to get a link code and send that code here.
zalo-welcome-linked = Hello { $name }! From now on you also get { $organization }'s reminders on Zalo. Type “help” for instructions.
zalo-link-unknown = Wrong code. Check your invite code, or type /zalo in Telegram for a new link code.
zalo-link-used = This code was already used. Ask for a new invite, or type /zalo in Telegram for a new link code.
zalo-link-expired = This code has expired. Ask for a new invite, or type /zalo in Telegram for a new link code.
zalo-link-already-bound = This Zalo account is connected to someone else. Please contact { $office }.
zalo-help = How to use the reminder assistant on Zalo (type these commands):
    • viec – your tasks
    • qua han – overdue tasks
    • xong <number> – report task <number> of the last list done (e.g. xong 2)
    • web – get a sign-in link to the web app
    • help – this help
    Each task has a link to its page: open it to send evidence, ask for more time or see details.
zalo-unknown = The bot did not understand this message. Type “help” for the commands.
zalo-text-only = The bot reads text messages only. Type “help” for the commands.
zalo-task-link = { "   " }🔗 { $url }
zalo-list-hint = Type “xong <number>” to report a task done, e.g. xong 1.
zalo-list-more = … and { $count } more: see them all in the web app (type “web”).
zalo-done-usage = Type “xong” with the task's number in the last list, e.g. xong 2.
zalo-done-no-such = There is no task { $reference } in the last list. Type “viec” to see the list again.
zalo-done-needs-evidence = The product of “{ $title }” is a document ({ $product }): open the task's page to send the evidence file, then report it done there:
    { $url }
zalo-web-link = Sign-in link to the web app (one use, expires in 10 minutes):
    { $url }
zalo-chart-link = 📊 Progress by unit – week { $week }: { $url }
zalo-code-message = To get reminders on Zalo too: open the Zalo Bot “{ $bot }” and send this code (one use, expires in 24 hours):
zalo-not-enabled = This office has not turned on reminders by Zalo.
invite-zalo-hint = On Zalo? Open the Zalo Bot “{ $bot }” and send the invite code: { $code }
web-task-link-title = Task link
web-task-link-forged = This link is not valid (it was altered or not made by the system). Open the link in your latest reminder.
web-task-link-expired = This link has expired. Open the link in your latest reminder, or type “viec” on Zalo for new links.
web-task-link-sign-in = To open this task, sign in first: type “web” on Zalo (or /web on Telegram) and open the link you get, then open the task link again.

## PAR INDEX self-assessment (issue 27): the workbook, the evidence bundle, /chiso and the CLI
par-sheet = Self-assessment
par-title = PAR INDEX SELF-ASSESSMENT { $year }
par-set-line = { $title } – { $source }
par-as-of = (Figures as of { $date })
par-col-code = No.
par-col-criterion = Field, criterion, sub-criterion
par-col-max = Maximum
par-col-score = Self-score
par-col-evidence = Evidence
par-col-explanation = Explanation
par-field-total = Field { $code } total
par-grand-total = TOTAL
par-survey = Scored by the province's survey
par-automatic-share = { $kind ->
    [superior-tasks-on-time] From results: { $share }% of the tasks from above done on time
   *[plan-completion] From results: { $share }% of the year's PAR plan done
}
par-automatic-outcome = From results: { $outcome ->
    [on-time] on time
    [late] some late
   *[missing] incomplete
}
par-index-sheet = Evidence index
par-index-col-path = File in the bundle
par-index-col-source = Source
par-from-task = Task { $number }: { $title }
par-from-criterion = Attached to the criterion
par-none = The PAR INDEX self-assessment has not started. A coordinator imports the province's criteria set and starts it on the web (PAR INDEX) or with nhacviec par.
par-summary = 📊 PAR INDEX self-assessment { $year }
    { $title }
    Total: { $points }/{ $max }
    { $fields }
    Without evidence: { $noEvidence } criteria; without a score: { $noScore } criteria.
par-summary-field = • { $code }. { $name }: { $points }/{ $max }
par-summary-deadline = Self-assessment deadline: { $date }.
btn-par-links = 🔗 Confirm tasks per criterion
btn-par-score = ✍️ Score a criterion
par-score-pick = Pick a criterion to score, or type its code (e.g. 1.1.1). { $count } criteria have no score yet:
    { $list }
par-score-pick-line = • { $code } { $name } (max { $max })
par-score-all-scored = Every self-scored criterion has a score. Type a criterion's code (e.g. 1.1.1) to change it.
par-score-unknown = There is no self-scored criterion “{ $code }” in the set: type the criterion's code again (e.g. 1.1.1).
par-score-automatic = Criterion { $code } is computed from the work's results, not self-scored: type another code.
par-score-ask-points = Criterion { $code } “{ $criterion }” (max { $max } points). Type the self-score, e.g. “1.5” or “đạt 1 điểm”.
par-score-scoring = Scoring: { $scoring }
par-score-current = Score on record: { $points } – { $justification }
par-score-bad = { $reason ->
    [above-max] “{ $text }” is above criterion { $code }'s maximum of { $max }: type the score again.
    [negative] “{ $text }” for criterion { $code } is negative: type a number from 0 to { $max }.
   *[other] “{ $text }” is not a score for criterion { $code }: type a number from 0 to { $max }, e.g. “1.5”.
}
par-score-ask-justification = Self-score for criterion { $code }: { $points }. Type the justification (what the score rests on).
par-score-no-justification = A self-score needs a justification: type what it rests on.
par-score-saved = Saved criterion { $code }'s self-score: { $points }/{ $max } points, with its justification.
btn-par-workbook = 📄 Self-assessment workbook
btn-par-bundle = 🗂 Evidence bundle
btn-par-chase = ⏰ Chase what is missing
par-link-step = Criterion { $code } “{ $criterion }” (suggestion { $index }/{ $count })
    Does task { $number } “{ $task }” serve this criterion?
par-links-empty = No suggestions are waiting.
btn-par-yes = ✅ Yes
btn-par-no = ❌ No
btn-par-skip = ⏭ Later
par-link-confirmed = Task { $number } now serves criterion { $code }: its evidence counts for the criterion.
par-link-rejected = Noted: task { $number } does not serve criterion { $code }.
par-chased = Chasing { $count } criteria still without evidence or a self-score, due { $date }.
par-no-deadline = No self-assessment deadline is set, so nothing can be chased yet: set it on the web (PAR INDEX).
par-workbook-caption = PAR INDEX self-assessment { $year } – { $organization }
par-bundle-caption = PAR INDEX evidence bundle { $year } – { $organization }
web-par-title = PAR INDEX
web-par-import-title = Import the province's criteria set
web-par-province = Province (slug, e.g. binh-duong)
web-par-year = Year
web-par-file = Criteria set file (.docx, .xlsx, .pdf)
web-par-import = Import the set
web-par-imported = Imported the set “{ $title }”: { $count } criteria, version { $version }.
web-par-import-failed = Could not import: { $error }
web-par-start-title = Start the self-assessment
web-par-deadline = Self-assessment deadline (YYYY-MM-DD)
web-par-start = Start
web-par-no-set = There is no criteria set for { $province } { $year }: import it first.
web-par-suggestions = Suggested tasks waiting for confirmation
web-par-total = Total: { $points }/{ $max }
web-par-missing = Missing: { $count } criteria (chased like a deadline)
web-par-save = Save
web-par-justification = Justification of the self-score
web-par-score-invalid = The score of criterion { $code } must be a number from 0 to { $max }, with a justification.
web-par-download-xlsx = Self-assessment workbook (.xlsx)
web-par-download-pdf = Self-assessment workbook (PDF)
web-par-download-zip = Evidence bundle (.zip)
web-par-chase = Chase what is missing
web-par-attach-file = Evidence files (up to 20 MB each)
web-par-attach = Attach
web-par-files-saved = Saved { $count } evidence file(s) for criterion { $code }: { $files }.
web-par-reference = Evidence document (number, date, issuer)
web-par-reference-bad = Could not read the document: it needs a number/symbol, an issue date and an issuer.
web-par-link-yes = Yes, it serves the criterion
web-par-link-no = No

## Email

email-digest-subject = Progress digest – week of { $week }
email-confirm-subject = Confirm the email address for reminders
email-confirm-text = Hello { $name },
    { $office } registered this email address to send you task reminders. Open this link to confirm (valid for 7 days):
    { $url }
    If you did not ask for this, ignore this message: nothing else will be sent here.
email-confirm-title = Confirm email
email-confirm-ask = Receive reminders at { $address }?
email-confirm-button = Confirm
email-confirmed = Confirmed: reminders will be sent to { $address }.
email-confirm-invalid = This confirmation link is not valid or has expired. Ask a coordinator to send it again.
email-unsubscribe-title = Unsubscribe from the digest
email-unsubscribe-link = Stop the weekly digest by email
email-unsubscribe-ask = Stop the weekly digest by email? Reminders still come.
email-unsubscribe-button = Stop the digest
email-unsubscribed = The weekly digest is no longer sent to this address. Reminders still come.
email-unsubscribe-invalid = This unsubscribe link is not valid.
email-address-invalid = “{ $address }” is not a valid email address.
email-address-taken = The address { $address } belongs to someone else.
email-confirmation-sent = A confirmation email went to { $address }. Reminders go there only after { $name } opens its link.
email-not-enabled = Email reminders are not enabled for this office.
email-set-usage = Usage: /email <full name as in /nguoi> <email address>
web-people-email = Email
web-people-email-save = Send a confirmation email
web-people-email-unconfirmed = awaiting confirmation

## Web app: what needs me first, and a member's work on a milestone

web-nav-attention = Needs attention
web-nav-mine = My work
web-nav-count = items
web-mine-empty = Your unit has no open work.
web-attention-tile-waiting = waiting for a decision
web-attention-tile-overdue = overdue
web-attention-tile-soon = due within { $days } days
web-attention-waiting = Waiting for a decision ({ $count })
web-attention-none-waiting = Nothing is waiting for a decision.
web-attention-new-units = New unit names to confirm ({ $count })
web-attention-new-units-hint = Merge them into a known unit or keep them as units of their own on the Units and people page.
web-attention-tasks = { $count } tasks
web-attention-undated = Tasks without a deadline ({ $count })
web-attention-overdue = Overdue, longest first ({ $count })
web-attention-due-soon = Due in the next { $days } days ({ $count })
web-attention-none = None.
web-attention-kind-completion = Reported done
web-attention-kind-extension = Extension asked
web-attention-completion = { $person } reported it done at { $date }.
web-attention-coordinator-decides = { $office } approves completions.
web-due-on = due { $date }
web-evidence-image = Evidence image { $file }
web-evidence-pdf = Evidence PDF { $file }
web-evidence-open = Open PDF
web-error-500-title = Server error
web-error-500 = Something failed while handling this request; nothing was changed. Try again in a few minutes; if it keeps failing, tell { $office }.
web-work-title = Report on the work
web-work-done = Report done
web-work-done-needs = This task's product is a document ({ $product }): send the file or the document's reference as evidence first.
web-work-done-button = Done
web-work-needs-evidence = The product of “{ $title }” is a document ({ $product }). Send the evidence file (a document or a photo, up to 20 MB) or the document's reference, then report it done.
web-work-evidence = Send evidence
web-work-evidence-files = Evidence files (documents or photos, up to 20 MB each)
web-work-then-done = Report it done once sent
web-work-evidence-button = Send files
web-work-no-file = Choose at least one evidence file.
web-work-too-large = “{ $file }” is larger than 20 MB. Compress it or send a lighter copy.
web-work-no-store = The server has no evidence folder configured; send the file through Telegram.
web-work-reference = Evidence by document
web-work-reference-hint = The document's reference, e.g. Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã …
web-work-reference-button = Save document
web-work-progress = Report progress
web-work-percent = Done so far (%)
web-work-note = Note (optional)
web-work-progress-button = Save progress
web-work-progress-saved = 📈 Progress { $percent }% saved for “{ $title }”.
web-work-bad-percent = Enter the progress as a number from 0 to 100.
web-work-extend = Ask for an extension
web-work-extend-date = Until (typed as in the chat: 15/3, next Friday, end of the month)
web-work-extend-choose = Choose the day
web-work-extend-reason = Reason for the extension
web-work-extend-button = Send the request
web-work-reason-needed = Write why you need more time.
web-attention-extension-asked = extension asked until { $date }
web-not-found-home = Back to the first page
## Refusals: what a service refused, by kind and by reason (src/services/access.ts REFUSALS and REFUSAL_REASONS)
# A fragment after what was refused ("organization "gio-son": not found"), or the whole line on the web.

refusal-not-found = not found
refusal-not-allowed = not allowed
refusal-closed = closed
refusal-stale = changed since it was read, try again
refusal-organization-unknown = no organization "{ $subject }"; import a plan first
refusal-unit-unknown = no unit "{ $subject }"
refusal-alias-empty = the other name must not be empty
refusal-alias-taken = the name "{ $subject }" is already used for another unit
refusal-units-same = these names are already one unit ({ $subject })
refusal-split-part-is-unit = "{ $subject }" is the unit being split (or another name of it); write each unit's name
refusal-split-needs-two = splitting "{ $subject }" needs at least two unit names
refusal-unit-has-people = the unit "{ $subject }" already has people or invites; only a plan's compound cell can be split
refusal-date-invalid = the date is not valid
refusal-start-after-due = the start date is after the due date
refusal-received-before-issued = The date of receipt cannot be before the document's date ({ $subject })
refusal-received-in-future = The date of receipt { $subject } has not come yet: give the day the document reached the office (today or before)
refusal-period-unknown = "{ $subject }" is not a report period; write 2026-Q3 (quarter), 2026-H1 (half year) or 2026 (year)
refusal-commune-unknown = "{ $subject }" is not a commune or ward under the province
refusal-group-unknown = the province has no group of communes "{ $subject }"; create it (the "Nhóm" column when adding communes) and assign again
refusal-group-name-invalid = "{ $subject }" is not a name for a group of communes

pdf-failed-no-libreoffice = The server needs LibreOffice (the soffice command) to make PDFs, e.g. apt-get install libreoffice-writer-nogui libreoffice-calc-nogui. Meanwhile, export .docx/.xlsx and print from Word/Excel.
pdf-failed-timeout = LibreOffice took too long to make the PDF and was stopped; try again later.
pdf-failed-failed = LibreOffice could not make the PDF; export .docx/.xlsx and print from Word/Excel.
refusal-code-unknown = the code is wrong
refusal-code-used = the code was already used
refusal-code-expired = the code has expired
refusal-chat-bound = this chat account is already linked to { $subject }
refusal-too-many-attempts = too many wrong codes; try again later
notify-province-task-assigned = 📌 The province assigned the task “{ $title }” (due { $due }). Choose its lead unit in the review (/rasoat).
notify-province-task-reported = { $outcome ->
    [completed] ✅ { $commune } completed the task “{ $title }”.
   *[extended] ⏳ { $commune } extended the task “{ $title }” to { $due }.
}
web-nav-province = Communes
web-province-title = Reform results of the communes – { $province }
web-province-league = Commune league table
web-province-rank = Rank
web-province-commune = Commune
web-province-on-time = On time
web-province-overdue = Overdue
web-province-days-late = Days late
web-province-done = Done
web-province-field = Field of reform
web-province-tasks = Tasks given by the province
web-province-task-done = { $done }/{ $total } communes done{ $late ->
    [0] {""}
   *[other] , { $late } late
}
web-province-awaiting = ({ $count } awaiting the province's approval)
web-province-assign = Give tasks to the communes
web-province-assign-button = Give to the communes
web-province-assigned = Gave { $tasks } tasks: { $copies } copies sent to the communes.
web-province-onboard = Add communes from a list
web-province-onboard-hint = A .csv or .xlsx with a “Tên xã/phường” column, optionally “Mã”, the coordinator's name, “Thư điện tử” (email) and “Nhóm”. Downloads each commune's invite link; with email on, each invite is also mailed to the commune's address.
web-province-onboard-file = List file
web-province-onboard-button = Add and make invite links
commune-invite-mail-subject = Invitation to coordinate task reminders for { $commune }
commune-invite-mail-text = Hello{ $name },
    { $province } invites you to the administrative-reform reminders as the coordinator (the office's contact) of { $commune }.
    Open this link in Telegram to accept:
    { $link }
    The link works once, for one person, until { $time } on { $expires }. When it has expired, ask { $province } for a new one.
    If you are not the person invited, ignore this message.
commune-invite-status = { $status ->
    [sent] sent
    [failed] not sent
    [no-address] no address
   *[off] email not enabled
}
commune-invite-mail-summary = Invite mails: { $sent } sent, { $failed } not sent, { $none } without an address.
commune-invite-mail-off = Email is not configured (SMTP_URL, EMAIL_FROM, PUBLIC_URL): no invite was mailed; send the links in the CSV file.
web-province-invite-mail = Send the coordinator's invite by email
web-province-invite-mail-hint = A new one-time invite link goes to the address below. Once the mail is sent, the coordinator invite links the province gave this commune before (in the CSV or an earlier mail) stop working.
web-province-invite-mail-address = Email address
web-province-invite-mail-name = Coordinator's full name (if known)
web-province-invite-mail-button = Send the invite
web-province-invite-mailed = Sent the invite for { $commune } to { $address }; the link works until { $expires }.
web-province-invite-not-mailed = The invite to { $address } could not be sent: the mail server did not take it. Try again later, or send the link from the CSV file.
web-province-back = ← League table
web-province-evidence = Evidence
web-province-no-lead = (the commune has not chosen a lead unit)
web-province-accept = Approve for the province
web-province-not-done = The commune has not finished this task
web-province-as-of = As of { $date }.
web-province-status = { $status ->
    [done] Done
    [awaiting-province] Awaiting the province
    [submitted] Awaiting the commune
    [overdue] Overdue
   *[open] In progress
}
province-digest-title = 📊 Reform digest of the communes – { $province }, { $date }
province-digest-task = • { $title }: { $done }/{ $total } communes done{ $late ->
    [0] {""}
   *[other] , { $late } late
}
province-digest-trailing = Communes with overdue work:
province-digest-commune = • { $commune }: { $overdue } overdue, { $days } days late, { $percent }% on time
province-digest-league = League of { $communes } communes: { $late ->
    [0] none has overdue work
   *[other] { $late } with { $overdue } overdue tasks
}
province-digest-leading = Leading: { $communes }
province-digest-share = { $commune } ({ $percent }% on time)
province-digest-finished = Finished in the past week: { $communes }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more communes
}
province-digest-finished-commune = { $commune } ({ $count } tasks)
province-digest-subject = Reform digest of the communes – { $province }, { $date }
province-digest-chart = Progress of the communes – { $date }
province-digest-zalo-link = 📊 League and chart of the communes: { $url }
province-workbook-all = All fields
province-workbook-tasks = Tasks
province-workbook-on-time = Done on time
web-province-workbook = Download the communes' results (.xlsx)
web-province-report = Reform results of the communes (Decree 30/2020/NĐ-CP report)
web-province-report-hint = The period's ranking, the communes with overdue work and each province task, in the administrative document form.
province-report-title = Reform results of the communes, { $period }
province-report-subject = Results of the communes' administrative reform tasks, { $period }
province-report-intro = Following { $plans }, { $issuer } reports the results of the administrative reform tasks given to the communes, { $period } (figures as of { $date }):
province-report-plans-unknown = [the year's reform plan]
province-report-summary-heading = I. OVERVIEW
province-report-summary = There are { $communes } communes. In the period, { $reached } communes had province tasks due: { $tasks } tasks, { $copies } commune tasks in all; done on time { $onTime }, done late { $late }, overdue { $overdue }, in progress or awaiting approval { $pending }. Share done on time: { $share }.
province-report-none = No province task fell due in the communes in the period.
province-report-assess = Overall assessment: …
province-report-communes-heading = II. RESULTS BY COMMUNE
province-report-ranking-rule = Communes are ranked by the share of tasks done on time (of those done or overdue), then fewer overdue tasks, then fewer days late.
province-report-col-number = No.
province-report-col-done-late = Done late
province-report-col-share = On-time share
province-report-col-rank = Rank
province-report-total = Total
province-report-overdue-heading = III. COMMUNES WITH OVERDUE TASKS
province-report-overdue-commune = - { $commune }: { $overdue } overdue, { $days } days late in all
province-report-overdue-task = “{ $title }” ({ $days } days overdue)
province-report-overdue-more = { $count } more communes have overdue tasks (see the table in section II).
province-report-overdue-none = No commune has overdue tasks in the period.
province-report-causes = Causes and follow-up: …
province-report-tasks-heading = IV. RESULTS OF EACH PROVINCE TASK
province-report-proposals-heading = V. PROPOSALS
province-report-proposals = Proposals: …
province-report-recipient-above = - [Higher authority receiving the report];
province-report-recipient-communes = - People's Committees of the communes;
province-report-recipient-archive = - Archive: VT.
web-milestone-overseen = Work of { $organization }: the province reads it and acts on nothing of it.
## The province's fan-out and groups of communes (web /province, `nhacviec fanout`, `nhacviec org group`)
fanout-task = { $number ->
    [none] task “{ $title }”
   *[other] task { $number } “{ $title }”
}
fanout-refused = { $task }: { $reason }
fanout-line = { $task }: { $reached } communes got a new copy, { $already } had one, { $unknown } names match no commune{ $names }
fanout-line-dry = { $task }: { $reached } communes would get a copy, { $already } have one, { $unknown } names match no commune{ $names }
fanout-total = Total: { $tasks } tasks given to the communes; { $reached } new copies, { $already } already there, { $unknown } unmatched names.
fanout-total-dry = Dry run, nothing written: { $tasks } tasks; { $reached } copies would be made, { $already } already there, { $unknown } unmatched names.
fanout-none = No task is led by the communes.
group-line = { $group } ({ $count } communes): { $communes }
group-none = The province has no groups of communes yet.
group-edited = Group “{ $group }”: { $added } communes added, { $removed } removed; { $count } now.
group-deleted = Group “{ $group }” has no commune left and was deleted.
web-province-groups = Groups of communes
web-province-groups-hint = A task whose lead names a group (“UBND các xã biên giới”, “các xã thuộc Cụm 2”) is given to the group's communes. A commune may be in several groups.
web-province-group-new = New group
web-province-group-name = Group name
web-province-group-save = Save group
web-province-group-count = { $count } communes
## The plan table's sorting, grouping and counts; the overview's charts
web-filter-toggle = Filter and sort{ $count ->
    [0] {""}
   *[other] {" "}({ $count })
}
web-sort-label = Sort by
web-sort = { $by ->
    [due] Soonest due
    [late] Most days late
    [unit] Lead unit
    [state] State
   *[plan] Plan order
}
web-group-label = Group by
web-group = { $by ->
    [unit] Lead unit
    [none] No grouping
   *[section] Plan section
}
web-filter-week = Due this week
web-filter-done = Show finished work too
web-plan-counts = Milestones by state
web-plan-hidden-done = { $count } finished or cancelled milestones hidden (show)
web-group-count = { $tasks } tasks{ $overdue ->
    [0] {""}
   *[other] , { $overdue } overdue
}
web-no-section = No section
web-overview-per-month = Deadlines per month in { $year }
web-month = M{ $month }
web-month-bar = Month { $month }: { $total } milestones ({ $done } done, { $overdue } overdue, { $open } left)
web-chart-open = Left
web-chart-done = Done
web-chart-overdue = Overdue
task-group = 🏢 { $unit }
btn-done-short = ✅ { $index }
btn-evidence-short = 📎 { $index }
web-report-build-title = Building a report
web-report-build-pending = Building the report… The page reloads by itself when it is ready.
web-report-build-reload = Reload the page
web-report-build-ready = The report is ready.
web-report-build-back = Back to Reports
review-unit-likely = Possibly another spelling of: { $units }
btn-review-merge-likely = ≈ { $unit }
web-import-warned = Tasks with warnings ({ $count })
web-import-new-units = New units ({ $count }): if one is another spelling of a known unit, press to merge
web-import-merge-into = ≈ Merge into { $unit }
web-import-merged = “{ $name }” is now another name of { $unit }; the preview is updated.
web-settings-part = Number { $index }
web-settings-step-unit = Tell the unit after (days)
web-settings-step-office = Tell the office after (days)
web-settings-step-chairman = Tell the chairman after (days)
web-settings-yes = Yes
web-settings-no = No
web-settings-weekday = { $day ->
    [2] Monday
    [3] Tuesday
    [4] Wednesday
    [5] Thursday
    [6] Friday
   *[7] Saturday
}
web-settings-digest-to = { $to ->
    [chairman] The chairman
    [office] The office
   *[both] Both
}
web-chart-total = milestones

# nhacviec: every word the users read, in English. Keys mirror vi.ftl.

## Roles and states

role-name = { $role ->
    [member] staff member
    [unit_head] head of unit
    [coordinator] office coordinator
    [chairman] chairman
   *[other] { $role }
}
state-label = { $state ->
    [open] Not started
    [in_progress] In progress
    [submitted] Waiting for approval
    [done] Done
    [overdue] { $days } days overdue
    [cancelled] Cancelled
   *[other] { $state }
}
approval-state = { $state ->
    [approved] has been approved
    [rejected] has been refused or returned
    [withdrawn] has been withdrawn
   *[other] is waiting
}
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
cmd-help = Help

## Onboarding

not-registered = Hello! This is the People's Committee's reform task assistant. Your Telegram account is not linked yet: ask the office coordinator for an invite link and open it.
welcome = Welcome, { $name }! You are linked to { $organization } as { $role }{ $unit }.
    The bot will remind you before every deadline. Send /viec to see your tasks, /help for help.
welcome-back = Hello { $name }! Send /viec to see your tasks, /help for help.
unit-suffix = , unit { $unit }
invite-unknown = This invite code is not valid. Check the link or ask the office coordinator for a new one.
invite-used = This invite has already been used. Each link works once: ask the office coordinator for a new one.
invite-expired = This invite has expired (links are valid for 7 days). Ask the office coordinator for a new one.
invite-already-bound = Your account is already linked to { $organization }.
invite-joined = 👋 { $name } joined as { $role }{ $unit }.

## Help

help-everyone = How to use the bot:
    /viec – your tasks, soonest first
    /quahan – overdue tasks
    /ngonngu – change language
    Each task has buttons: Done, Send evidence, Report progress, Ask for more time.
help-coordinator = For the office coordinator:
    /canduyet – completions and extensions waiting for approval
    /tonghop – summary report
    /baocao – results report (Excel)
    /moi – create an invite link
    /nguoi – people by unit
    /rasoat – review the imported plan (dates, lead units, unit names)
help-chairman = For the leadership:
    /canduyet – extension requests waiting for a decision
    /tonghop – summary report

## Lists

tasks-title = 📋 Open tasks: { $count } (page { $page }/{ $pages })
tasks-empty = 🎉 No open tasks.
overdue-title = ⏰ Overdue tasks: { $count } (page { $page }/{ $pages })
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

not-allowed = ⛔ You may not act on this task: only the lead unit, the office coordinator and the committee's leadership can.
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
completion-submitted = ✅ “{ $title }” recorded as done and sent to the office coordinator for approval.
completion-done = ✅ “{ $title }” is done.
completion-already-submitted = “{ $title }” is already waiting for approval.

evidence-ask = Send the evidence file for “{ $title }” (a document or photo, up to 20 MB).
evidence-too-large = “{ $file }” is larger than 20 MB, which Telegram does not let bots download. Compress it or send a lighter version.
evidence-saved = 📎 Evidence “{ $file }” saved for “{ $title }”.
evidence-unexpected = Which task is this file evidence for? Press “Send evidence” on that task (send /viec to see them).
evidence-failed = The file could not be downloaded from Telegram. Please send it again.

progress-ask = How far along is “{ $title }”?
progress-saved = 📈 Progress { $percent }% recorded for “{ $title }”. Type a note if you like, or press Skip.
progress-note-saved = 📝 Note saved for “{ $title }”.

extension-ask-date = Until when do you need “{ $title }” extended (due now { $due })? For example: 15/3, thứ 6 tuần sau, cuối tháng.
extension-bad-date = “{ $text }” is not a date I can read. Try again, e.g. 15/3, ngày 15 tháng 3, 2 tuần nữa.
extension-impossible-date = “{ $text }” is not a real date. Try again.
extension-not-later = The new date ({ $date }) must be after the current deadline ({ $due }). Try again.
date-past = “{ $text }” is { $date }, a day already past. Type a day from today on.
date-ambiguous = “{ $text }” could be more than one day. Which one do you mean?
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

digest-not-allowed = Only the office coordinator and the committee's leadership can see the summary.
digest-title = 📊 Summary, week of { $week }
digest-counts = 🔵 On track: { $onTrack }
    🔵 Due this week: { $dueThisWeek }
    🔴 Overdue: { $overdue }
    🟢 Done on time: { $doneOnTime }
    🟠 Done late: { $doneLate }
digest-no-date = ⚪ No deadline yet: { $count }
digest-unit = ⏰ { $unit } ({ $count } overdue)
digest-item = { "  " }- { $number } { $title }: due { $due }, { $days } days overdue
digest-more = … and { $count } more overdue (/quahan)

## Reminders (sent by the worker)

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
calendar-unpublished = 📅 The { $year } Tết holiday arrangement has not been published yet; reminders follow the law for now (Tết break { $first } to { $last }, public holidays per the Labour Code).
needs-date-title = 📅 { $count } task(s) without a deadline need a date:
needs-date-line = - { $number } { $title }{ $written }
needs-date-more = … and { $count } more
unreachable-person = ⚠️ Reminders cannot reach { $name }: they blocked the bot or deleted the chat. Please contact them directly.

## Language

language-ask = Chọn ngôn ngữ / Choose a language:
# Each language is named in itself, so a reader of either finds theirs.
btn-language-vi = 🇻🇳 Tiếng Việt
btn-language-en = 🇬🇧 English
language-set = Switched to English.

## Invites from the chat

invite-not-allowed = Only the office coordinator can create invite links.
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
btn-import-confirm = ✅ Confirm
import-applied = ✅ Plan saved: { $tasks } tasks, { $milestones } deadlines; reminders are scheduled.
import-cancelled = Cancelled; the plan is unchanged.
import-failed = ❌ The file could not be read: { $error }
import-file-changed = The file is not what was previewed; please send it again.
import-unsupported = ❌ “{ $file }” is not a plan file the bot reads (.docx, .xlsx, .csv, .pdf, .txt).
import-not-allowed = Only the office coordinator can import plans. If this is evidence, press “Send evidence” on its task (/viec).

## Reviewing an import (/rasoat)

cmd-rasoat = Review the imported plan
review-title = 🧭 To decide: { $count } item(s) (item { $index }/{ $count })
review-empty = ✅ Nothing left to decide.
review-date = 📅 { $number } { $title } has no due date. The plan says: “{ $written }”.
review-lead = 👥 { $number } { $title } has no lead unit.{ $proposed }
review-proposed = { " " }The plan suggests: { $names }.
review-unit = 🏷 “{ $name }” ({ $count } tasks) matches no unit. Is it another name of a unit, or a unit of its own?
review-warnings = ⚠️ { $number } { $title }:
    { $warnings }
btn-review-set-date = 📅 Set a date
btn-review-skip = Skip ▶
btn-review-keep = A unit of its own
btn-review-merge = = { $unit }
btn-review-seen = 👍 Seen
review-ask-date = Type the due date for { $number } (e.g. 15/3, cuối quý 2, 30/6/2025):
review-date-set = ✅ { $number }: due { $date }; reminders are scheduled.
review-lead-set = ✅ { $number }: lead unit is { $unit }.
review-merged = ✅ “{ $from }” is another name of “{ $into }”; the next import will know it.
review-kept = ✅ “{ $name }” is a unit of its own.
review-seen = 👍 Noted.

## Reports (/baocao, export)

cmd-baocao = Results report (Excel)
report-not-allowed = Only the office coordinator and the committee's leadership can export reports.
report-caption = 📊 Reform results report – { $organization }, { $date }
report-empty = There are no tasks to report yet.
report-sheet-results = Results
report-sheet-sections = By section
report-sheet-units = By unit
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
report-col-section = Section
report-col-unit = Unit
report-col-total = Total
report-rating = { $colour ->
    [green] Done on time
    [blue] In progress, on time
    [orange] Done late
    [red] Overdue, not done
   *[other] No deadline yet
}

## Digest chart

chart-title = Progress by unit – week of { $week }
chart-on-time = On time
chart-late = Late
chart-overdue = Overdue

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

//! The chair's edits to the committee: members, attendance, recusals, budget, the effective date,
//! the minutes' action items and deferrals, and the letter templates. Each one comes to a new
//! `Meeting` (one `Change::SetMeeting`), so the trail and the seal treat them as the agenda.
#![deny(clippy::wildcard_enum_match_arm)]

use super::Stamp;
use crate::model::committee::{ActionItem, Budget, Deferral, Member, Presence, Recusal, Role};
use crate::model::meeting::Meeting;
use crate::model::{Change, Outcome, PersonId, RuleError, Session};
use jiff::civil::Date;

/// A change to the committee or the meeting's minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitteeEdit {
    /// Add a member, change their role, or (`None`) take them off the committee.
    SetMember {
        name: String,
        role: Option<Role>,
    },
    /// Record a member coming into the room (`true`) or leaving it.
    SetPresent {
        member: String,
        present: bool,
    },
    /// The chair's word on a member and a candidate: recused, or kept in the room; the reason is
    /// required to keep in a proposed recusal or to add one the app did not propose.
    SetRecusal {
        person: PersonId,
        member: String,
        recused: bool,
        reason: String,
    },
    SetBudget(Budget),
    SetEffectiveDate(Option<Date>),
    AddAction {
        text: String,
        owner: String,
        due: Option<Date>,
        person: Option<PersonId>,
    },
    SetActionDone {
        id: u64,
        done: bool,
    },
    /// Put a candidate off to a later meeting or cycle.
    Defer {
        person: PersonId,
        until: String,
        note: String,
    },
    /// The letter template for an outcome; `None` goes back to the default.
    SetLetterTemplate {
        outcome: Outcome,
        text: Option<String>,
    },
}

fn rule(text: impl Into<String>) -> RuleError {
    RuleError::Committee(text.into())
}

impl CommitteeEdit {
    /// The step's name and its one change.
    pub(super) fn plan(self, session: &Session, stamp: &Stamp) -> Result<(String, Vec<Change>), RuleError> {
        may_keep_the_record(session, &stamp.actor)?;
        let mut meeting: Meeting = session.meeting.clone();
        let listed =
            |name: &str| session.member(name).map(|_| ()).ok_or_else(|| RuleError::NotAMember(name.to_owned()));
        let label = match self {
            CommitteeEdit::SetMember { name, role } => set_member(session, &mut meeting, &name, role)?,
            CommitteeEdit::SetPresent { member, present } => {
                listed(&member)?;
                let here = session.present_members().contains(&member.as_str());
                match (present, here) {
                    (true, true) => return Err(rule(format!("{member} is in the room already"))),
                    (false, false) => return Err(rule(format!("{member} is not in the room"))),
                    (true, false) => {
                        meeting.attendance.push(Presence { member: member.clone(), arrived: stamp.at, left: None });
                        format!("attendance: {member} present")
                    }
                    (false, true) => {
                        if let Some(p) = meeting.attendance.iter_mut().rev().find(|p| p.member == member) {
                            p.left = Some(stamp.at);
                        }
                        format!("attendance: {member} left")
                    }
                }
            }
            CommitteeEdit::SetRecusal { person, member, recused, reason } => {
                listed(&member)?;
                recusal(session, &mut meeting, person, member, recused, &reason)?
            }
            CommitteeEdit::SetBudget(budget) => {
                for level in budget.per_level.keys() {
                    if session.ladder.level(level).is_none() {
                        return Err(crate::model::rules::unknown_level(&session.ladder, level));
                    }
                }
                meeting.budget = budget;
                "set the promotion budget".to_owned()
            }
            CommitteeEdit::SetEffectiveDate(date) => {
                meeting.effective = date;
                match date {
                    Some(d) => format!("effective date {d}"),
                    None => "no effective date".to_owned(),
                }
            }
            CommitteeEdit::AddAction { text, owner, due, person } => {
                add_action(session, &mut meeting, &text, &owner, due, person)?
            }
            CommitteeEdit::SetActionDone { id, done } => {
                let item = meeting
                    .actions
                    .iter_mut()
                    .find(|a| a.id == id)
                    .ok_or_else(|| rule(format!("no action item {id}")))?;
                item.done = done;
                format!("action item {id} {}", if done { "done" } else { "open again" })
            }
            CommitteeEdit::Defer { person, until, note } => {
                let name =
                    session.person(&person).ok_or_else(|| RuleError::UnknownPerson(person.clone()))?.name.clone();
                if until.trim().is_empty() {
                    return Err(RuleError::Missing { what: "deferring a candidate", needs: "when it comes back" });
                }
                meeting.deferrals.retain(|d| d.person != person);
                meeting.deferrals.push(Deferral {
                    person,
                    until: until.trim().to_owned(),
                    note: note.trim().to_owned(),
                });
                format!("defer {name} to {}", until.trim())
            }
            CommitteeEdit::SetLetterTemplate { outcome, text } => {
                match text {
                    Some(t) => meeting.letters.insert(outcome.label().to_owned(), t),
                    None => meeting.letters.remove(outcome.label()),
                };
                format!("letter template: {outcome}")
            }
        };
        Ok((label, vec![Change::SetMeeting(meeting)]))
    }
}

/// Once the committee has a chair, its record is not a voting member's or an observer's to
/// keep: the chair, the HR partner or whoever sets the meeting up (not a member) keeps it.
fn may_keep_the_record(session: &Session, actor: &str) -> Result<(), RuleError> {
    match (session.chair(), session.member(actor)) {
        (Some(chair), Some(m)) if matches!(m.role, Role::Member | Role::Observer) => Err(rule(format!(
            "only the chair ({chair}) or the HR partner records the committee's attendance, recusals, budget and minutes; you are a {} of it ({actor})",
            m.role.label()
        ))),
        _ => Ok(()),
    }
}

/// The chair's word on a recusal; a reason is required to keep in a proposed one or to add one.
fn recusal(
    session: &Session,
    meeting: &mut Meeting,
    person: PersonId,
    member: String,
    recused: bool,
    reason: &str,
) -> Result<String, RuleError> {
    let name = session.person(&person).ok_or_else(|| RuleError::UnknownPerson(person.clone()))?.name.clone();
    let proposed = session.proposed_recusals(&person).iter().any(|(m, _)| *m == member);
    let reason = reason.trim().to_owned();
    if reason.is_empty() && (!recused || !proposed) {
        let what = if recused { "a recusal the app did not propose" } else { "keeping a member in the room" };
        return Err(RuleError::MissingRationale { what });
    }
    meeting.recusals.retain(|r| !(r.person == person && r.member == member));
    let label = if recused {
        format!("recusal: {member} steps out for {name}")
    } else {
        format!("recusal: {member} stays in for {name}")
    };
    meeting.recusals.push(Recusal { person, member, recused, reason });
    Ok(label)
}

/// A follow-up for the minutes, numbered after the last.
fn add_action(
    session: &Session,
    meeting: &mut Meeting,
    text: &str,
    owner: &str,
    due: Option<Date>,
    person: Option<PersonId>,
) -> Result<String, RuleError> {
    if text.trim().is_empty() {
        return Err(RuleError::Missing { what: "an action item", needs: "some text" });
    }
    if let Some(p) = &person {
        session.person(p).ok_or_else(|| RuleError::UnknownPerson(p.clone()))?;
    }
    let id = session.next_action_id();
    let text = text.trim().to_owned();
    let label = format!("action item {id}: {text}");
    meeting.actions.push(ActionItem { id, text, owner: owner.trim().to_owned(), due, person, done: false });
    Ok(label)
}

/// Adds a member, changes their role, or takes them off; the committee has one chair.
fn set_member(session: &Session, meeting: &mut Meeting, name: &str, role: Option<Role>) -> Result<String, RuleError> {
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err(RuleError::Missing { what: "a committee member", needs: "a name" });
    }
    if role == Some(Role::Chair)
        && let Some(chair) = session.chair().filter(|c| *c != name)
    {
        return Err(rule(format!("{chair} chairs the committee: make them a member first")));
    }
    let at = meeting.members.iter().position(|m| m.name == name);
    Ok(match (at, role) {
        (Some(i), Some(role)) => {
            meeting.members[i].role = role;
            format!("committee: {name} is {}", role.label())
        }
        (None, Some(role)) => {
            meeting.members.push(Member { name: name.clone(), role });
            format!("committee: add {name} ({})", role.label())
        }
        (Some(i), None) => {
            meeting.members.remove(i);
            format!("committee: remove {name}")
        }
        (None, None) => return Err(RuleError::NotAMember(name)),
    })
}

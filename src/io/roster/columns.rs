//! Which roster column means what. HR systems name the same thing many ways; headers are matched
//! case-insensitively, ignoring spaces and punctuation, against these aliases.

pub use crate::model::Field;
use std::collections::HashMap;
use std::sync::LazyLock;

impl Field {
    /// Accepted header names, most specific first: when a file has two matching columns (say
    /// "Job Level" and "Title"), the one earlier in this list wins and the other is kept verbatim.
    #[must_use]
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => ID_ALIASES,
            Field::Name => NAME_ALIASES,
            Field::FirstName => FIRST_NAME_ALIASES,
            Field::LastName => LAST_NAME_ALIASES,
            Field::Manager => MANAGER_ALIASES,
            Field::Team => TEAM_ALIASES,
            Field::Level => LEVEL_ALIASES,
            Field::Track => TRACK_ALIASES,
            Field::StartDate => START_DATE_ALIASES,
            Field::LevelSince => LEVEL_SINCE_ALIASES,
        }
    }

    /// Whether a header is a title column: it gives the level only when no dedicated level column
    /// does, and the summary says so.
    #[must_use]
    pub fn is_title_alias(self, rank: usize) -> bool {
        self == Field::Level && rank >= TITLE_RANK
    }

    /// The name shown in messages.
    #[must_use]
    pub fn display(self) -> &'static str {
        self.aliases()[0]
    }
}

/// Where the title aliases start in `LEVEL_ALIASES`.
const TITLE_RANK: usize = 13;

// Accepted header names per field, most specific first (see `Field::aliases`).
const ID_ALIASES: &[&str] = &[
    "id",
    "employee id",
    "employee #",
    "employee number",
    "employee no",
    "emp id",
    "worker id",
    "person id",
    "staff id",
    "user id",
    "badge id",
    "employeeid",
    "associate id",
    "file number",
    "employee code",
];
const NAME_ALIASES: &[&str] = &[
    "name",
    "full name",
    "employee name",
    "worker",
    "worker name",
    "display name",
    "preferred name",
    "legal name",
    "employee",
];
const FIRST_NAME_ALIASES: &[&str] =
    &["first name", "given name", "first", "forename", "legal first name", "preferred first name"];
const LAST_NAME_ALIASES: &[&str] = &["last name", "surname", "family name", "last", "legal last name"];
const MANAGER_ALIASES: &[&str] = &[
    "manager",
    "worker's manager",
    "workers manager",
    "manager - primary position",
    "reports to",
    "supervisor",
    "manager name",
    "line manager",
    "direct manager",
    "supervisor name",
    "reporting manager",
    "manager id",
    "manager email",
    "reporting to",
    "direct supervisor",
    "reports to name",
    "manager user id",
    "manager employee id",
    "supervisor id",
    "reports to id",
];
const TEAM_ALIASES: &[&str] = &[
    "team",
    "department",
    "organization",
    "organisation",
    "org",
    "dept",
    "group",
    "squad",
    "team name",
    "supervisory organization",
    "business unit",
    "division",
    "department name",
    "org unit",
    "home department",
    "home department description",
    "department description",
    // A cost centre is a number more often than a name: the team only when nothing names one.
    "cost center",
    "cost centre",
];
const LEVEL_ALIASES: &[&str] = &[
    // Dedicated level columns first: a file with both a level and a title column takes the level.
    "level",
    "job level",
    "job level - primary position",
    "job level primary position",
    "career level",
    "grade",
    "job grade",
    "pay grade",
    "current level",
    "seniority",
    "seniority level",
    "job profile",
    "job profile - primary position",
    // Titles only when the file has no level column (see `TITLE_RANK`).
    "title",
    "job title",
    "position",
    "position title",
    "business title",
    "role",
    "job title description",
    "position description",
];
// Not "job family": Workday's job family groups job profiles ("Engineering"), it is not a track.
const TRACK_ALIASES: &[&str] = &["track", "career track", "ladder", "ic or manager", "management level"];
const START_DATE_ALIASES: &[&str] = &[
    "start date",
    "hire date",
    "date of hire",
    "hired",
    "start",
    "joined",
    "original hire date",
    "employment start date",
    "date joined",
];
const LEVEL_SINCE_ALIASES: &[&str] = &[
    "level since",
    "in level since",
    "time in level since",
    "last promotion",
    "last promotion date",
    "promotion date",
    "last promoted",
    "level start date",
];

/// Header text reduced to lower-case letters, digits and `#`, so "Employee ID", `employee_id` and
/// "EMPLOYEE-ID" all read the same.
#[must_use]
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '#')
        // Turkish dotted and dotless i (`EMPLOYEE İD` from a Turkish-locale upper-casing) are `i`.
        .map(|c| if matches!(c, 'İ' | 'ı') { 'i' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, and how preferred that alias is (lower is better).
#[must_use]
pub fn match_header(header: &str) -> Option<(Field, usize)> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    ALIAS_KEYS.get(&key).copied()
}

/// Every alias's key, built once: headers are matched against all aliases for each candidate
/// delimiter while a file's layout is being detected.
static ALIAS_KEYS: LazyLock<HashMap<String, (Field, usize)>> = LazyLock::new(|| {
    let mut keys = HashMap::new();
    for &field in &Field::ALL {
        for (rank, alias) in field.aliases().iter().enumerate() {
            // The first field listing an alias keeps it, as a search in `Field::ALL` order would.
            keys.entry(header_key(alias)).or_insert((field, rank));
        }
    }
    keys
});

//! Stable identifiers. They are plain strings on disk so files stay readable and merges can match
//! people across sessions by id. In memory they are `CompactString`s: ids are short, so they sit
//! inline without a heap allocation each, which is most of the cost of importing or loading
//! thousands of people.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub CompactString);

        impl $name {
            /// Wraps any string-like value.
            pub fn new(value: impl Into<CompactString>) -> Self {
                Self(value.into())
            }

            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(CompactString::from(value))
            }
        }
    };
}

string_id!(
    /// An employee id as the HR system knows it.
    PersonId
);
string_id!(
    /// A level id such as `P3` or `M2`.
    LevelId
);
string_id!(
    /// A criteria dimension id such as `scope`.
    DimensionId
);

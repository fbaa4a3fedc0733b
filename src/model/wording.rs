//! Counts in words, as every message, summary and label writes them.

/// "1 person", "3 people": `one` for exactly one, `many` otherwise (zero included).
#[must_use]
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "person", "people"), "1 person");
        assert_eq!(counted(0, "person", "people"), "0 people");
        assert_eq!(counted(12, "problem", "problems"), "12 problems");
    }
}

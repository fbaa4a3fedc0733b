//! The chair's target spread of people over the bands: a leaf, saved with the session and read by
//! the fairness figures.

use serde::{Deserialize, Serialize};

/// The chair's target share of people per band (lowest band first), saved with the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BandTargets {
    /// One share per band, summing to 1 (e.g. developing 0.2, solid 0.6, strong 0.2).
    pub shares: Vec<f64>,
    /// How far an observed share may stray before it is flagged (0.10 = ten points).
    pub tolerance: f64,
    /// Groups smaller than this are "too few to compare".
    pub min_group: usize,
}

impl Eq for BandTargets {}

impl BandTargets {
    /// 20 / 60 / 20 over three bands (evenly over other counts), ten points, five people.
    #[must_use]
    pub fn default_for(bands: usize) -> Self {
        let shares = if bands == 3 { vec![0.2, 0.6, 0.2] } else { vec![1.0 / bands.max(1) as f64; bands] };
        BandTargets { shares, tolerance: 0.10, min_group: 5 }
    }
}

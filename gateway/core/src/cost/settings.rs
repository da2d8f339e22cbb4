//! Demand control's settings: whether operations are costed, the most one may cost, and the
//! list size assumed where the schema gives none.

use serde::Deserialize;

/// What the gateway does with an operation's cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostMode {
    /// Nothing is costed (the default, as in Apollo Router: a maximum only means something
    /// once a deployment has measured its own operations).
    #[default]
    Off,
    /// Every operation is costed and the cost reported in `extensions.cost`; nothing is refused.
    Measure,
    /// As `measure`, and an operation estimated over `max_cost` is refused before planning
    /// (`COST_ESTIMATED_TOO_EXPENSIVE`), so no subgraph is called.
    Enforce,
}

impl std::str::FromStr for CostMode {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "off" => Ok(Self::Off),
            "measure" => Ok(Self::Measure),
            "enforce" => Ok(Self::Enforce),
            other => Err(format!(
                "`{other}` is not a demand control mode: use off, measure or enforce"
            )),
        }
    }
}

/// Demand control: the IBM cost specification's `@cost` and `@listSize`, read from the
/// supergraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DemandControlSettings {
    /// Off, measure or enforce (default off).
    pub mode: CostMode,
    /// The most an operation may be estimated to cost in `enforce` mode (default 1,000).
    pub max_cost: u64,
    /// Elements assumed in a list whose field has no `@listSize` (default 10, as Apollo's
    /// examples).
    pub list_size: u64,
}

impl Default for DemandControlSettings {
    fn default() -> Self {
        Self {
            mode: CostMode::Off,
            max_cost: 1_000,
            list_size: 10,
        }
    }
}

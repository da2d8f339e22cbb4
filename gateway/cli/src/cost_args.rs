//! `quntuan serve`'s flags for demand control; a flag left out keeps the file's value or the
//! gateway's default (see `DemandControlSettings`).

use clap::Args;
use quntuan_gateway::cost::{CostMode, DemandControlSettings};

#[derive(Debug, Args)]
pub(crate) struct CostArgs {
    /// Demand control: off, measure (report the cost in `extensions.cost`) or enforce (also
    /// refuse operations estimated over --max-cost) [default: off].
    #[arg(long)]
    demand_control: Option<CostMode>,
    /// The most an operation may be estimated to cost under enforce [default: 1000].
    #[arg(long)]
    max_cost: Option<u64>,
    /// Elements assumed in a list whose field has no `@listSize` [default: 10].
    #[arg(long)]
    default_list_size: Option<u64>,
}

impl CostArgs {
    /// Replaces the settings the flags name, keeping the others.
    pub(crate) fn apply(&self, settings: &mut DemandControlSettings) {
        if let Some(mode) = self.demand_control {
            settings.mode = mode;
        }
        if let Some(max) = self.max_cost {
            settings.max_cost = max;
        }
        if let Some(size) = self.default_list_size {
            settings.list_size = size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        cost: CostArgs,
    }

    #[test]
    fn flags_override_only_the_settings_they_name() {
        let cli = Cli::try_parse_from(["x", "--demand-control", "enforce", "--max-cost=50"])
            .expect("flags parse");
        let mut settings = DemandControlSettings {
            list_size: 3,
            ..DemandControlSettings::default()
        };
        cli.cost.apply(&mut settings);
        assert_eq!(
            settings,
            DemandControlSettings {
                mode: CostMode::Enforce,
                max_cost: 50,
                list_size: 3,
            }
        );
        let error = Cli::try_parse_from(["x", "--demand-control", "strict"])
            .expect_err("an unknown mode is refused");
        assert!(
            error.to_string().contains("use off, measure or enforce"),
            "{error}"
        );
    }
}

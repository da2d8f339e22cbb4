//! `quntuan serve`'s flags for the operation limits; a flag left out keeps the gateway's
//! default (see `LimitSettings`).

use clap::Args;
use quntuan_gateway::limits::LimitSettings;

#[derive(Debug, Args)]
pub(crate) struct LimitArgs {
    /// Lexical tokens in a document; parsing stops past it [default: 15000].
    #[arg(long)]
    max_tokens: Option<usize>,
    /// Nesting the parser follows before giving up [default: 500].
    #[arg(long)]
    max_parser_recursion: Option<usize>,
    /// Nesting of fields, through fragments [default: 32].
    #[arg(long)]
    max_depth: Option<usize>,
    /// Distinct fields (merged by response path), through fragments [default: 1000].
    #[arg(long)]
    max_height: Option<usize>,
    /// Aliases, counted through fragments [default: 100].
    #[arg(long)]
    max_aliases: Option<usize>,
    /// Root fields, through fragments [default: 64].
    #[arg(long)]
    max_root_fields: Option<usize>,
    /// Directives on one field, spread or inline fragment [default: 8].
    #[arg(long)]
    max_directives_per_field: Option<usize>,
    /// Fragments spread inside fragments, one in the next [default: 16].
    #[arg(long)]
    max_fragment_depth: Option<usize>,
    /// Field selections once fragments are expanded [default: 5000].
    #[arg(long)]
    max_selections: Option<usize>,
}

impl LimitArgs {
    /// Replaces the limits the flags name, keeping the others (from a file or the defaults).
    pub(crate) fn apply(&self, limits: &mut LimitSettings) {
        *limits = self.settings_over(limits.clone());
    }

    #[cfg(test)]
    pub(crate) fn settings(&self) -> LimitSettings {
        self.settings_over(LimitSettings::default())
    }

    fn settings_over(&self, defaults: LimitSettings) -> LimitSettings {
        LimitSettings {
            max_tokens: self.max_tokens.unwrap_or(defaults.max_tokens),
            max_parser_recursion: self
                .max_parser_recursion
                .unwrap_or(defaults.max_parser_recursion),
            max_depth: self.max_depth.unwrap_or(defaults.max_depth),
            max_height: self.max_height.unwrap_or(defaults.max_height),
            max_aliases: self.max_aliases.unwrap_or(defaults.max_aliases),
            max_root_fields: self.max_root_fields.unwrap_or(defaults.max_root_fields),
            max_directives_per_field: self
                .max_directives_per_field
                .unwrap_or(defaults.max_directives_per_field),
            max_fragment_depth: self
                .max_fragment_depth
                .unwrap_or(defaults.max_fragment_depth),
            max_selections: self.max_selections.unwrap_or(defaults.max_selections),
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
        limits: LimitArgs,
    }

    #[test]
    fn flags_override_only_the_limits_they_name() {
        let cli =
            Cli::try_parse_from(["x", "--max-depth", "5", "--max-aliases=0"]).expect("flags parse");
        assert_eq!(
            cli.limits.settings(),
            LimitSettings {
                max_depth: 5,
                max_aliases: 0,
                ..LimitSettings::default()
            }
        );
    }
}

//! Which traces are recorded: a child follows its parent's decision (so a trace is whole or
//! absent in every service); a trace that starts here is kept with probability `ratio`,
//! decided from its trace id like OpenTelemetry's `TraceIdRatioBased`, so every service
//! that must decide alone decides the same way for the same trace.

use crate::context::{SpanContext, TraceId};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Sampler {
    /// Trace ids whose low 64 bits are below this are kept; `None`: every trace.
    threshold: Option<u64>,
}

impl Sampler {
    pub(crate) fn ratio(ratio: f64) -> Self {
        let threshold = if ratio >= 1.0 {
            None
        } else if ratio.is_nan() || ratio <= 0.0 {
            Some(0)
        } else {
            Some((ratio * u64::MAX as f64) as u64)
        };
        Self { threshold }
    }

    pub(crate) fn sampled(&self, parent: Option<&SpanContext>, trace_id: TraceId) -> bool {
        match (parent, self.threshold) {
            (Some(parent), _) => parent.sampled,
            (None, None) => true,
            (None, Some(threshold)) => (trace_id.0 as u64) < threshold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::SpanId;

    fn parent(sampled: bool) -> SpanContext {
        SpanContext {
            trace_id: TraceId(7),
            span_id: SpanId(9),
            sampled,
        }
    }

    #[test]
    fn a_child_must_follow_its_parent() {
        for ratio in [0.0, 0.01, 1.0] {
            let sampler = Sampler::ratio(ratio);
            assert!(sampler.sampled(Some(&parent(true)), TraceId(u128::MAX)));
            assert!(!sampler.sampled(Some(&parent(false)), TraceId(1)));
        }
    }

    #[test]
    fn a_root_is_kept_at_the_ratio() {
        let count = |ratio: f64| {
            let sampler = Sampler::ratio(ratio);
            (0..100_000u128)
                .filter(|_| sampler.sampled(None, crate::ids::trace_id()))
                .count()
        };
        assert_eq!(count(1.0), 100_000);
        assert_eq!(count(0.0), 0);
        let one_percent = count(0.01);
        // 1,000 expected; the binomial standard deviation is about 31.
        assert!((800..1_200).contains(&one_percent), "{one_percent}");
    }

    #[test]
    fn the_decision_depends_on_the_trace_id_alone() {
        let sampler = Sampler::ratio(0.5);
        let low = TraceId(1);
        let high = TraceId(u128::from(u64::MAX));
        assert!(sampler.sampled(None, low));
        assert!(!sampler.sampled(None, high));
    }
}

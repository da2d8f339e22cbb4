//! Trace and span identifiers and the W3C `traceparent` header that carries them between
//! services: `00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>`
//! (<https://www.w3.org/TR/trace-context/#traceparent-header>).

use std::fmt;

/// A trace's identity, shared by every span of it in every service. Never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TraceId(pub u128);

/// A span's identity within its trace. Never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpanId(pub u64);

impl fmt::Display for TraceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl fmt::Display for SpanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// Where a span sits: its trace, its own id, and whether the trace is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanContext {
    pub trace_id: TraceId,
    pub span_id: SpanId,
    /// The `sampled` flag: spans of this trace are exported (here and downstream).
    pub sampled: bool,
}

impl SpanContext {
    /// The `traceparent` header value naming this span as the parent.
    pub fn traceparent(&self) -> String {
        format!(
            "00-{}-{}-{:02x}",
            self.trace_id,
            self.span_id,
            u8::from(self.sampled)
        )
    }

    /// Reads a `traceparent` value. `None` for anything malformed, as the specification says
    /// a receiver does: the request then starts a trace of its own.
    pub fn from_traceparent(value: &str) -> Option<Self> {
        let value = value.trim();
        let mut parts = value.split('-');
        let version = parts.next()?;
        let trace_id = parts.next()?;
        let span_id = parts.next()?;
        let flags = parts.next()?;
        let valid_version = version.len() == 2 && version != "ff" && is_lower_hex(version);
        // Version 00 has exactly four fields; a later version may append more.
        if !valid_version || (version == "00" && parts.next().is_some()) {
            return None;
        }
        if trace_id.len() != 32 || span_id.len() != 16 || flags.len() != 2 {
            return None;
        }
        if !(is_lower_hex(trace_id) && is_lower_hex(span_id) && is_lower_hex(flags)) {
            return None;
        }
        let trace_id = u128::from_str_radix(trace_id, 16).ok()?;
        let span_id = u64::from_str_radix(span_id, 16).ok()?;
        let flags = u8::from_str_radix(flags, 16).ok()?;
        if trace_id == 0 || span_id == 0 {
            return None;
        }
        Some(Self {
            trace_id: TraceId(trace_id),
            span_id: SpanId(span_id),
            sampled: flags & 1 == 1,
        })
    }
}

fn is_lower_hex(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    #[test]
    fn reads_and_writes_the_specification_example() {
        let context = SpanContext::from_traceparent(EXAMPLE).expect("valid");
        assert_eq!(
            context,
            SpanContext {
                trace_id: TraceId(0x4bf92f3577b34da6a3ce929d0e0e4736),
                span_id: SpanId(0x00f067aa0ba902b7),
                sampled: true,
            }
        );
        assert_eq!(context.traceparent(), EXAMPLE);
    }

    #[test]
    fn reads_the_unsampled_flag_and_ignores_other_flags() {
        let unsampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        let context = SpanContext::from_traceparent(unsampled).expect("valid");
        assert!(!context.sampled);
        assert_eq!(context.traceparent(), unsampled);
        let other_flags = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03";
        assert!(
            SpanContext::from_traceparent(other_flags)
                .expect("valid")
                .sampled
        );
    }

    #[test]
    fn must_refuse_malformed_values() {
        for value in [
            "",
            "00",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
        ] {
            assert_eq!(SpanContext::from_traceparent(value), None, "{value:?}");
        }
    }

    #[test]
    fn can_read_a_later_version_with_more_fields() {
        let later = "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes";
        assert!(SpanContext::from_traceparent(later).is_some());
    }
}

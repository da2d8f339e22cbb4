//! Token buckets: in memory for one instance, or in Redis, one Lua script per decision, so
//! that replicas share them without a read-then-write race.

use super::settings::BucketSettings;
use std::time::{Duration, Instant};

/// What a bucket says to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// Refused; a token is back after this long.
    Refused {
        retry_after: Duration,
    },
}

/// A bucket in this process.
#[derive(Debug)]
pub struct LocalBucket {
    tokens: f64,
    at: Instant,
}

impl LocalBucket {
    pub fn full(settings: BucketSettings, now: Instant) -> Self {
        Self {
            tokens: f64::from(settings.burst),
            at: now,
        }
    }

    pub fn take(&mut self, settings: BucketSettings, now: Instant) -> Decision {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * settings.per_second).min(f64::from(settings.burst));
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Decision::Allowed
        } else {
            let missing = 1.0 - self.tokens;
            Decision::Refused {
                retry_after: Duration::from_secs_f64(missing / settings.per_second.max(1e-9)),
            }
        }
    }
}

/// The same bucket in Redis: a hash {tokens, ts} under the key, Redis's own clock, expiry once
/// the bucket would be full again. Returns {allowed (0/1), milliseconds until a token}.
pub const REDIS_SCRIPT: &str = r"
local rate = tonumber(ARGV[1]) / 1000.0
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return {allowed, wait}
";

/// Asks Redis for one decision of the bucket under `key`.
pub async fn take_in_redis(
    connection: &mut redis::aio::ConnectionManager,
    key: &str,
    settings: BucketSettings,
) -> redis::RedisResult<Decision> {
    let (allowed, wait_ms): (i64, i64) = redis::cmd("EVAL")
        .arg(REDIS_SCRIPT)
        .arg(1)
        .arg(key)
        .arg(settings.per_second)
        .arg(settings.burst)
        .query_async(connection)
        .await?;
    Ok(if allowed == 1 {
        Decision::Allowed
    } else {
        Decision::Refused {
            retry_after: Duration::from_millis(wait_ms.max(0) as u64),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_its_burst_then_refills_at_its_rate() {
        let settings = BucketSettings {
            per_second: 2.0,
            burst: 3,
        };
        let t0 = Instant::now();
        let mut bucket = LocalBucket::full(settings, t0);
        let decisions: Vec<_> = (0..4).map(|_| bucket.take(settings, t0)).collect();
        assert_eq!(
            decisions,
            [
                Decision::Allowed,
                Decision::Allowed,
                Decision::Allowed,
                Decision::Refused {
                    retry_after: Duration::from_millis(500)
                }
            ]
        );
        let later = t0 + Duration::from_millis(500);
        assert_eq!(bucket.take(settings, later), Decision::Allowed);
        assert!(matches!(
            bucket.take(settings, later),
            Decision::Refused { .. }
        ));
    }
}

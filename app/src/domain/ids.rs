//! Typed identifiers: a member id can't be passed where a request id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// A new UUID whose leading bits are the time it was made (UUIDv7; random below that,
/// monotonic within this process). Rows made together then sit together in every
/// B-tree keyed by them: the sweeper fires deadlines in (deadline, id) order and each
/// batch rewrites a few adjacent pages instead of one random page per row (issue 17:
/// random v4 ids made a 500-firing commit write thousands of scattered pages). The ids
/// reveal when they were made, which every page shows anyway; no id is a secret (every
/// server function checks who may see what). Server-side only: it reads the clock.
pub fn time_ordered() -> Uuid {
    Uuid::now_v7()
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new id: a UUIDv7, so ids made later sort later (see [`time_ordered`]).
            pub fn generate() -> Self {
                Self(time_ordered())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }
    };
}

id_type!(
    /// A member (or admin) account.
    MemberId
);

id_type!(
    /// A service a member offers.
    ServiceId
);

id_type!(
    /// A service request (one run of the lifecycle).
    RequestId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_made_later_sort_later_and_never_repeat() {
        let ids: Vec<RequestId> = (0..10_000).map(|_| RequestId::generate()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, ids, "in the order they were made, all distinct");
        // Their text form (what the tables store and index) sorts the same way.
        let texts: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
        assert!(texts.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(ids[0].0.get_version_num(), 7);
    }
}

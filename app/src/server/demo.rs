//! Demo data for a newcomer: a small bank to click through at once.
//! Seeded only into an empty database, and only when asked (see `server::main`).

use super::{engine, members_store, password, services_store, AppState, StoreError};
use crate::domain::service::ServiceFields;
use crate::domain::{DisplayName, Email, Minutes, Password, Role};

/// Everyone's demo password (shown at start, never used outside a demo database).
pub const DEMO_PASSWORD: &str = "hourbank-demo";

pub struct DemoLogin {
    pub email: &'static str,
    pub display_name: &'static str,
    pub role: Role,
    pub credit: Minutes,
    /// (title, category, description, response window in hours)
    pub services: &'static [(&'static str, &'static str, &'static str, i64)],
}

pub const DEMO_LOGINS: &[DemoLogin] = &[
    DemoLogin {
        email: "admin@hourbank.demo",
        display_name: "Ada Admin",
        role: Role::Admin,
        credit: Minutes(0),
        services: &[],
    },
    DemoLogin {
        email: "grace@hourbank.demo",
        display_name: "Grace Gardener",
        role: Role::Member,
        credit: Minutes(10 * 60),
        services: &[
            (
                "Vegetable garden help",
                "Garden",
                "Digging, weeding and planting beds; I bring my own tools.",
                24,
            ),
            (
                "Pruning fruit trees",
                "Garden",
                "Winter pruning of apple and pear trees.",
                48,
            ),
        ],
    },
    DemoLogin {
        email: "tom@hourbank.demo",
        display_name: "Tom Tutor",
        role: Role::Member,
        credit: Minutes(8 * 60),
        services: &[
            (
                "Maths tutoring",
                "Tutoring",
                "Secondary-school maths, patiently explained.",
                12,
            ),
            ("Chess lessons", "Tutoring", "Beginner to club level.", 24),
        ],
    },
    DemoLogin {
        email: "bea@hourbank.demo",
        display_name: "Bea Baker",
        role: Role::Member,
        credit: Minutes(6 * 60 + 30),
        services: &[(
            "Bread baking lesson",
            "Cooking",
            "Sourdough from starter to loaf, in your kitchen.",
            48,
        )],
    },
    DemoLogin {
        email: "sam@hourbank.demo",
        display_name: "Sam Fixit",
        role: Role::Member,
        credit: Minutes(12 * 60),
        services: &[
            ("Bike repair", "Repairs", "Brakes, gears, punctures.", 6),
            (
                "Flat-pack assembly",
                "Repairs",
                "Furniture assembled and wall-mounted safely.",
                24,
            ),
        ],
    },
    DemoLogin {
        email: "lin@hourbank.demo",
        display_name: "Lin Linguist",
        role: Role::Member,
        credit: Minutes(4 * 60),
        services: &[(
            "Spanish conversation",
            "Languages",
            "Relaxed conversation practice over tea.",
            72,
        )],
    },
];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Password(#[from] password::PasswordError),
    #[error("demo data is invalid: {0}")]
    Invalid(String),
    #[error(transparent)]
    Write(#[from] engine::EngineError),
}

/// Seeds the demo bank if the database holds no member yet. Returns whether it seeded.
pub async fn seed_if_empty(state: &AppState) -> Result<bool, SeedError> {
    if members_store::count(&state.db.read).await? > 0 {
        return Ok(false);
    }
    let pw = Password::parse_new(DEMO_PASSWORD).map_err(|e| SeedError::Invalid(e.message()))?;
    let hash = password::hash(&pw).await?;
    let now = state.clock.now();
    let mut members = Vec::new();
    for d in DEMO_LOGINS {
        let email = Email::parse(d.email).map_err(|e| SeedError::Invalid(e.message()))?;
        let name =
            DisplayName::parse(d.display_name).map_err(|e| SeedError::Invalid(e.message()))?;
        let mut services = Vec::new();
        for (title, category, description, window) in d.services {
            services.push(
                ServiceFields::parse(title, description, category, *window)
                    .map_err(|e| SeedError::Invalid(e.message()))?,
            );
        }
        members.push((d, email, name, services));
    }
    // The whole bank in one transaction, retried like every write.
    engine::with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        for (d, email, name, services) in &members {
            let id = members_store::insert(
                &mut tx,
                members_store::NewMember {
                    email,
                    display_name: name,
                    password_hash: &hash,
                    role: d.role,
                    starting_credit: d.credit,
                },
                now,
            )
            .await?;
            // The operator vouches for the demo addresses (no mail reaches them anyway).
            members_store::mark_email_verified(&mut tx, id, email.as_str(), now).await?;
            for fields in services {
                services_store::insert(&mut tx, id, fields, now).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(true)
}

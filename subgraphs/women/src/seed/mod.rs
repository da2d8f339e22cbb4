//! The deterministic seed of the women tables, demo or full scale.
//!
//! Directory rows (women's organisations, family-education activities, Red Banner
//! collectives) come unchanged from the kit's catalog generators, so `hub`'s directory and
//! these tables agree row by row. The other records are generated from independent named
//! PRNG streams over the shared region tree.

mod assistance;
mod directory;
mod records;

use quntuan_kit::seed::write_data_set;
use quntuan_kit::{KitError, Progress, Scale};
use sea_orm::DatabaseConnection;

/// How many of each non-directory record a scale has: DOMAIN.md's figures where it gives
/// one; rights-assistance records are assumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub womens_homes: u32,
    pub childrens_homes: u32,
    pub social_organizations: u32,
    /// Chairs and vice-chairs together; every organisation has one chair.
    pub chairs_and_vice_chairs: u32,
    pub executive_members: u32,
    /// Labour-dispute cases the federation assisted.
    pub assisted_disputes: u32,
    /// The number of labour-dispute cases `unions` seeds at this scale: assistance refers
    /// to `unions-dispute-000001` up to this one (a test checks it against `unions`).
    pub unions_disputes: u32,
}

impl Counts {
    pub fn of(scale: Scale) -> Counts {
        match scale {
            Scale::Demo => Counts {
                womens_homes: 30,
                childrens_homes: 28,
                social_organizations: 8,
                chairs_and_vice_chairs: 80,
                executive_members: 240,
                assisted_disputes: 8,
                unions_disputes: 40,
            },
            Scale::Full => Counts {
                womens_homes: 4_448,
                childrens_homes: 4_033,
                social_organizations: 368,
                chairs_and_vice_chairs: 12_000,
                executive_members: 62_000,
                assisted_disputes: 640,
                unions_disputes: 7_859,
            },
        }
    }
}

/// Fills a migrated, empty women database.
pub async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    write_data_set("women", scale, async {
        let counts = Counts::of(scale);
        let organizations = directory::seed_organizations(db, scale, progress).await?;
        let homes = records::seed_womens_homes(db, &organizations, counts, progress).await?;
        records::seed_childrens_homes(db, &organizations, counts, progress).await?;
        records::seed_social_organizations(db, scale, counts, progress).await?;
        records::seed_officers(db, &organizations, counts, progress).await?;
        directory::seed_awards(db, scale, progress).await?;
        directory::seed_activities(db, scale, &homes, progress).await?;
        assistance::seed_assistance(db, &organizations, counts, progress).await?;
        // The per-region summary from the rows written (the mutations keep it current).
        crate::service::figures::SUMMARY.fill(db).await
    })
    .await
}

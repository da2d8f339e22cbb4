//! Dataloaders: every entity lookup and every list under a parent goes through one of
//! these, so a response with N parents costs one statement per kind of child, not N.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quntuan_kit::ApiError;
use sea_orm::DatabaseConnection;

use crate::model::{
    childrens_home, family_education_activity, red_banner_collective, rights_assistance,
    women_officer, women_organization, womens_home,
};
use crate::service::figures::FigureTable;
use crate::service::{activities, assistance, awards, figures, homes, officers, organizations};

/// The one loader of the subgraph; each key type below is a separate batch.
pub struct WomenLoader {
    pub db: DatabaseConnection,
}

/// Declares a key type `$key(String)` and loads its values in one call of `$fetch`.
macro_rules! string_key_loader {
    ($(#[$meta:meta])* $key:ident => $value:ty, $fetch:path) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct $key(pub String);

        impl Loader<$key> for WomenLoader {
            type Value = $value;
            type Error = ApiError;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, $value>, ApiError> {
                let ids: Vec<String> = keys.iter().map(|k| k.0.clone()).collect();
                let found = $fetch(&self.db, &ids).await?;
                Ok(found.into_iter().map(|(id, value)| ($key(id), value)).collect())
            }
        }
    };
}

string_key_loader!(
    /// A women's organisation by id.
    OrganizationById => women_organization::Model, organizations::by_ids);
string_key_loader!(
    /// A March 8th Red Banner collective by id.
    AwardById => red_banner_collective::Model, awards::by_ids);
string_key_loader!(
    /// A family-education activity by id.
    ActivityById => family_education_activity::Model, activities::by_ids);
string_key_loader!(
    /// A women's home by id.
    WomensHomeById => womens_home::Model, homes::womens_homes_by_ids);
string_key_loader!(
    /// The women's homes of an organisation, by organisation id.
    WomensHomesOfOrganization => Vec<womens_home::Model>, homes::womens_homes_by_organization_ids);
string_key_loader!(
    /// The children's homes of an organisation, by organisation id.
    ChildrensHomesOfOrganization => Vec<childrens_home::Model>, homes::childrens_homes_by_organization_ids);
string_key_loader!(
    /// The officers of an organisation, by organisation id.
    OfficersOfOrganization => Vec<women_officer::Model>, officers::by_organization_ids);
string_key_loader!(
    /// The women's homes housed in a service centre, by centre id.
    WomensHomesAtCenter => Vec<womens_home::Model>, homes::womens_homes_by_center_ids);
string_key_loader!(
    /// The children's homes housed in a service centre, by centre id.
    ChildrensHomesAtCenter => Vec<childrens_home::Model>, homes::childrens_homes_by_center_ids);
string_key_loader!(
    /// The family-education activities held at a service centre, by centre id.
    ActivitiesAtCenter => Vec<family_education_activity::Model>, activities::by_center_ids);
string_key_loader!(
    /// The family-education activities run by a women's home, by home id.
    ActivitiesOfWomensHome => Vec<family_education_activity::Model>, activities::by_womens_home_ids);
string_key_loader!(
    /// The rights-assistance records on a labour-dispute case, by case id.
    AssistanceOfDispute => Vec<rights_assistance::Model>, assistance::by_dispute_ids);

/// The measures of one figure table for one region.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RegionFigures {
    pub table: FigureTable,
    pub code: String,
}

impl Loader<RegionFigures> for WomenLoader {
    type Value = Vec<i64>;
    type Error = ApiError;

    /// One read of the summary for every region in the batch, whatever the tables asked.
    async fn load(
        &self,
        keys: &[RegionFigures],
    ) -> Result<HashMap<RegionFigures, Vec<i64>>, ApiError> {
        let mut codes: Vec<String> = keys.iter().map(|k| k.code.clone()).collect();
        codes.sort_unstable();
        codes.dedup();
        let rows = figures::SUMMARY.read(&self.db, &codes).await?;
        Ok(keys
            .iter()
            .filter_map(|key| {
                let row = rows.get(&key.code)?;
                Some((key.clone(), row.get(key.table.columns())?.to_vec()))
            })
            .collect())
    }
}

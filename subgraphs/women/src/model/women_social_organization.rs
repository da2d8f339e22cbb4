//! `women_social_organization`: Supported women/children social organisations.

use sea_orm::entity::prelude::*;

use super::enums::WomenSocialOrganizationField;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "women_social_organization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub field: WomenSocialOrganizationField,
    pub supported_since: Date,
    pub funding_yuan: i64,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

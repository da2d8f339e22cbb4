//! The closed vocabularies of the unions' records. Each enum is stored as its upper-case
//! name in a string column and served as a GraphQL enum of the same values.

use async_graphql::Enum;
use sea_orm::entity::prelude::*;

/// The category of a grassroots union.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum GrassrootsUnionKind {
    /// 企业工会
    #[sea_orm(string_value = "ENTERPRISE")]
    Enterprise,
    /// 机关事业单位工会
    #[sea_orm(string_value = "PUBLIC_INSTITUTION")]
    PublicInstitution,
    /// 社区（村）工会联合会
    #[sea_orm(string_value = "COMMUNITY_FEDERATION")]
    CommunityFederation,
    /// 行业工会联合会
    #[sea_orm(string_value = "INDUSTRY_FEDERATION")]
    IndustryFederation,
}

impl GrassrootsUnionKind {
    /// The Chinese category the shared directory uses.
    pub fn label(self) -> &'static str {
        match self {
            GrassrootsUnionKind::Enterprise => "企业工会",
            GrassrootsUnionKind::PublicInstitution => "机关事业单位工会",
            GrassrootsUnionKind::CommunityFederation => "社区（村）工会联合会",
            GrassrootsUnionKind::IndustryFederation => "行业工会联合会",
        }
    }

    /// The kind named by a directory label; `None` for a label of another organisation.
    pub fn from_label(label: &str) -> Option<GrassrootsUnionKind> {
        [
            GrassrootsUnionKind::Enterprise,
            GrassrootsUnionKind::PublicInstitution,
            GrassrootsUnionKind::CommunityFederation,
            GrassrootsUnionKind::IndustryFederation,
        ]
        .into_iter()
        .find(|kind| kind.label() == label)
    }
}

/// The level at which a workers' home was named a model workers' home (模范职工之家).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum ModelHomeLevel {
    #[sea_orm(string_value = "NATIONAL")]
    National,
    #[sea_orm(string_value = "PROVINCIAL")]
    Provincial,
    #[sea_orm(string_value = "CITY")]
    City,
}

/// What a labour dispute is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum LaborDisputeCategory {
    #[sea_orm(string_value = "WAGE_ARREARS")]
    WageArrears,
    #[sea_orm(string_value = "LABOR_CONTRACT")]
    LaborContract,
    #[sea_orm(string_value = "SOCIAL_INSURANCE")]
    SocialInsurance,
    #[sea_orm(string_value = "WORK_INJURY")]
    WorkInjury,
    #[sea_orm(string_value = "DISMISSAL")]
    Dismissal,
    #[sea_orm(string_value = "WORKING_HOURS")]
    WorkingHours,
}

/// The kind of May Day labour award.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum LaborAwardKind {
    /// 五一劳动奖状, given to a collective.
    #[sea_orm(string_value = "CERTIFICATE")]
    Certificate,
    /// 五一劳动奖章, given to a person.
    #[sea_orm(string_value = "MEDAL")]
    Medal,
}

/// The level of a craftsman honour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum CraftsmanLevel {
    /// 成都工匠
    #[sea_orm(string_value = "CITY")]
    City,
    /// 区（市）县工匠
    #[sea_orm(string_value = "DISTRICT")]
    District,
}

/// What a socialised union worker mainly does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum UnionSocialWorkerSpecialty {
    #[sea_orm(string_value = "ORGANIZING")]
    Organizing,
    #[sea_orm(string_value = "RIGHTS_PROTECTION")]
    RightsProtection,
    #[sea_orm(string_value = "DISPUTE_MEDIATION")]
    DisputeMediation,
    #[sea_orm(string_value = "WORKER_SERVICES")]
    WorkerServices,
}

/// The field of a labour-sector social organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum LaborSocialOrganizationField {
    #[sea_orm(string_value = "LEGAL_AID")]
    LegalAid,
    #[sea_orm(string_value = "SKILLS_TRAINING")]
    SkillsTraining,
    #[sea_orm(string_value = "WORKER_CARE")]
    WorkerCare,
    #[sea_orm(string_value = "EMPLOYMENT_SERVICE")]
    EmploymentService,
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::Iterable;

    #[test]
    fn directory_labels_round_trip() {
        for kind in GrassrootsUnionKind::iter() {
            assert_eq!(GrassrootsUnionKind::from_label(kind.label()), Some(kind));
        }
        assert_eq!(GrassrootsUnionKind::from_label("团支部"), None);
    }
}

//! The closed vocabularies of the women's federation records. Each enum is stored as its
//! upper-case name in a string column and served as a GraphQL enum of the same values.

use async_graphql::Enum;
use sea_orm::entity::prelude::*;

/// The category of a women's organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum WomenOrganizationKind {
    /// 社区（村）妇联
    #[sea_orm(string_value = "COMMUNITY_FEDERATION")]
    CommunityFederation,
    /// 企业妇委会
    #[sea_orm(string_value = "ENTERPRISE_COMMITTEE")]
    EnterpriseCommittee,
    /// 机关事业单位妇委会
    #[sea_orm(string_value = "INSTITUTION_COMMITTEE")]
    InstitutionCommittee,
}

impl WomenOrganizationKind {
    /// The Chinese category the shared directory uses.
    pub fn label(self) -> &'static str {
        match self {
            WomenOrganizationKind::CommunityFederation => "社区（村）妇联",
            WomenOrganizationKind::EnterpriseCommittee => "企业妇委会",
            WomenOrganizationKind::InstitutionCommittee => "机关事业单位妇委会",
        }
    }

    /// The kind named by a directory label; `None` for a label of another organisation.
    pub fn from_label(label: &str) -> Option<WomenOrganizationKind> {
        [
            WomenOrganizationKind::CommunityFederation,
            WomenOrganizationKind::EnterpriseCommittee,
            WomenOrganizationKind::InstitutionCommittee,
        ]
        .into_iter()
        .find(|kind| kind.label() == label)
    }
}

/// An officer's role in a women's organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum WomenOfficerRole {
    /// 主席
    #[sea_orm(string_value = "CHAIR")]
    Chair,
    /// 副主席
    #[sea_orm(string_value = "VICE_CHAIR")]
    ViceChair,
    /// 执委
    #[sea_orm(string_value = "EXECUTIVE_MEMBER")]
    ExecutiveMember,
}

/// The field of a supported women/children social organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum WomenSocialOrganizationField {
    #[sea_orm(string_value = "FAMILY_SERVICE")]
    FamilyService,
    #[sea_orm(string_value = "CHILD_CARE")]
    ChildCare,
    #[sea_orm(string_value = "LEGAL_AID")]
    LegalAid,
    #[sea_orm(string_value = "EMPLOYMENT")]
    Employment,
    #[sea_orm(string_value = "HEALTH")]
    Health,
}

/// What the federation did on a labour-dispute case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum RightsAssistanceKind {
    /// 法律援助
    #[sea_orm(string_value = "LEGAL_AID")]
    LegalAid,
    /// 心理疏导
    #[sea_orm(string_value = "PSYCHOLOGICAL_COUNSELLING")]
    PsychologicalCounselling,
    /// 陪同调解
    #[sea_orm(string_value = "MEDIATION_ACCOMPANIMENT")]
    MediationAccompaniment,
    /// 困难帮扶
    #[sea_orm(string_value = "HARDSHIP_RELIEF")]
    HardshipRelief,
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::Iterable;

    #[test]
    fn directory_labels_round_trip() {
        for kind in WomenOrganizationKind::iter() {
            assert_eq!(WomenOrganizationKind::from_label(kind.label()), Some(kind));
        }
        assert_eq!(WomenOrganizationKind::from_label("企业工会"), None);
    }
}

//! The closed vocabularies of the women's federation records. Each enum is stored as its
//! upper-case name in a string column and served as a GraphQL enum of the same values.

quntuan_kit::stored_enum! {
    /// The category of a women's organisation.
    pub enum WomenOrganizationKind(32) labelled {
        /// 社区（村）妇联
        CommunityFederation = "COMMUNITY_FEDERATION" / "社区（村）妇联",
        /// 企业妇委会
        EnterpriseCommittee = "ENTERPRISE_COMMITTEE" / "企业妇委会",
        /// 机关事业单位妇委会
        InstitutionCommittee = "INSTITUTION_COMMITTEE" / "机关事业单位妇委会",
    }
}

quntuan_kit::stored_enum! {
    /// An officer's role in a women's organisation.
    pub enum WomenOfficerRole(32) {
        /// 主席
        Chair = "CHAIR",
        /// 副主席
        ViceChair = "VICE_CHAIR",
        /// 执委
        ExecutiveMember = "EXECUTIVE_MEMBER",
    }
}

quntuan_kit::stored_enum! {
    /// The field of a supported women/children social organisation.
    pub enum WomenSocialOrganizationField(32) {
        FamilyService = "FAMILY_SERVICE",
        ChildCare = "CHILD_CARE",
        LegalAid = "LEGAL_AID",
        Employment = "EMPLOYMENT",
        Health = "HEALTH",
    }
}

quntuan_kit::stored_enum! {
    /// What the federation did on a labour-dispute case.
    pub enum RightsAssistanceKind(32) {
        /// 法律援助
        LegalAid = "LEGAL_AID",
        /// 心理疏导
        PsychologicalCounselling = "PSYCHOLOGICAL_COUNSELLING",
        /// 陪同调解
        MediationAccompaniment = "MEDIATION_ACCOMPANIMENT",
        /// 困难帮扶
        HardshipRelief = "HARDSHIP_RELIEF",
    }
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

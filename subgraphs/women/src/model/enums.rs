//! The closed vocabularies of the women's federation records. Each enum is stored as its
//! upper-case name in a string column and served as a GraphQL enum of the same values.

quntuan_kit::stored_enum! {
    /// The category of a women's organisation.
    pub enum WomenOrganizationKind(32) labelled {
        /// 社区（村）妇联
        CommunityFederation => "社区（村）妇联",
        /// 企业妇委会
        EnterpriseCommittee => "企业妇委会",
        /// 机关事业单位妇委会
        InstitutionCommittee => "机关事业单位妇委会",
    }
}

quntuan_kit::stored_enum! {
    /// An officer's role in a women's organisation.
    pub enum WomenOfficerRole(32) {
        /// 主席
        Chair,
        /// 副主席
        ViceChair,
        /// 执委
        ExecutiveMember,
    }
}

quntuan_kit::stored_enum! {
    /// The field of a supported women/children social organisation.
    pub enum WomenSocialOrganizationField(32) {
        FamilyService,
        ChildCare,
        LegalAid,
        Employment,
        Health,
    }
}

quntuan_kit::stored_enum! {
    /// What the federation did on a labour-dispute case.
    pub enum RightsAssistanceKind(32) {
        /// 法律援助
        LegalAid,
        /// 心理疏导
        PsychologicalCounselling,
        /// 陪同调解
        MediationAccompaniment,
        /// 困难帮扶
        HardshipRelief,
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

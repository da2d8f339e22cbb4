//! The closed vocabularies of the unions' records. Each enum is stored as its upper-case
//! name in a string column and served as a GraphQL enum of the same values.

quntuan_kit::stored_enum! {
    /// The category of a grassroots union.
    pub enum GrassrootsUnionKind(32) labelled {
        /// 企业工会
        Enterprise => "企业工会",
        /// 机关事业单位工会
        PublicInstitution => "机关事业单位工会",
        /// 社区（村）工会联合会
        CommunityFederation => "社区（村）工会联合会",
        /// 行业工会联合会
        IndustryFederation => "行业工会联合会",
    }
}

quntuan_kit::stored_enum! {
    /// The level at which a workers' home was named a model workers' home (模范职工之家).
    pub enum ModelHomeLevel(16) {
        National,
        Provincial,
        City,
    }
}

quntuan_kit::stored_enum! {
    /// What a labour dispute is about.
    pub enum LaborDisputeCategory(32) {
        WageArrears,
        LaborContract,
        SocialInsurance,
        WorkInjury,
        Dismissal,
        WorkingHours,
    }
}

quntuan_kit::stored_enum! {
    /// The kind of May Day labour award.
    pub enum LaborAwardKind(16) {
        /// 五一劳动奖状, given to a collective.
        Certificate,
        /// 五一劳动奖章, given to a person.
        Medal,
    }
}

quntuan_kit::stored_enum! {
    /// The level of a craftsman honour.
    pub enum CraftsmanLevel(16) {
        /// 成都工匠
        City,
        /// 区（市）县工匠
        District,
    }
}

quntuan_kit::stored_enum! {
    /// What a socialised union worker mainly does.
    pub enum UnionSocialWorkerSpecialty(32) {
        Organizing,
        RightsProtection,
        DisputeMediation,
        WorkerServices,
    }
}

quntuan_kit::stored_enum! {
    /// The field of a labour-sector social organisation.
    pub enum LaborSocialOrganizationField(32) {
        LegalAid,
        SkillsTraining,
        WorkerCare,
        EmploymentService,
    }
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

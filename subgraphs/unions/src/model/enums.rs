//! The closed vocabularies of the unions' records. Each enum is stored as its upper-case
//! name in a string column and served as a GraphQL enum of the same values.

quntuan_kit::stored_enum! {
    /// The category of a grassroots union.
    pub enum GrassrootsUnionKind(32) labelled {
        /// 企业工会
        Enterprise = "ENTERPRISE" / "企业工会",
        /// 机关事业单位工会
        PublicInstitution = "PUBLIC_INSTITUTION" / "机关事业单位工会",
        /// 社区（村）工会联合会
        CommunityFederation = "COMMUNITY_FEDERATION" / "社区（村）工会联合会",
        /// 行业工会联合会
        IndustryFederation = "INDUSTRY_FEDERATION" / "行业工会联合会",
    }
}

quntuan_kit::stored_enum! {
    /// The level at which a workers' home was named a model workers' home (模范职工之家).
    pub enum ModelHomeLevel(16) {
        National = "NATIONAL",
        Provincial = "PROVINCIAL",
        City = "CITY",
    }
}

quntuan_kit::stored_enum! {
    /// What a labour dispute is about.
    pub enum LaborDisputeCategory(32) {
        WageArrears = "WAGE_ARREARS",
        LaborContract = "LABOR_CONTRACT",
        SocialInsurance = "SOCIAL_INSURANCE",
        WorkInjury = "WORK_INJURY",
        Dismissal = "DISMISSAL",
        WorkingHours = "WORKING_HOURS",
    }
}

quntuan_kit::stored_enum! {
    /// The kind of May Day labour award.
    pub enum LaborAwardKind(16) {
        /// 五一劳动奖状, given to a collective.
        Certificate = "CERTIFICATE",
        /// 五一劳动奖章, given to a person.
        Medal = "MEDAL",
    }
}

quntuan_kit::stored_enum! {
    /// The level of a craftsman honour.
    pub enum CraftsmanLevel(16) {
        /// 成都工匠
        City = "CITY",
        /// 区（市）县工匠
        District = "DISTRICT",
    }
}

quntuan_kit::stored_enum! {
    /// What a socialised union worker mainly does.
    pub enum UnionSocialWorkerSpecialty(32) {
        Organizing = "ORGANIZING",
        RightsProtection = "RIGHTS_PROTECTION",
        DisputeMediation = "DISPUTE_MEDIATION",
        WorkerServices = "WORKER_SERVICES",
    }
}

quntuan_kit::stored_enum! {
    /// The field of a labour-sector social organisation.
    pub enum LaborSocialOrganizationField(32) {
        LegalAid = "LEGAL_AID",
        SkillsTraining = "SKILLS_TRAINING",
        WorkerCare = "WORKER_CARE",
        EmploymentService = "EMPLOYMENT_SERVICE",
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

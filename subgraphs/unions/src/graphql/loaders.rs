//! Dataloaders: every entity lookup and every list under a parent goes through one of
//! these, so a response with N parents costs one statement per kind of child, not N.

use crate::model::{
    craftsman, grassroots_union, labor_award, labor_dispute, labor_dispute_step,
    labor_social_organization, union_activity, union_social_worker, workers_home,
};
use crate::service::disputes;
use crate::service::disputes::CenterCaseload;

quntuan_kit::string_key_loaders! {
    /// The one loader of the subgraph; each key type below is a separate batch.
    pub struct UnionsLoader;
    /// A grassroots union by id.
    UnionById => grassroots_union by id;
    /// A workers' home by id.
    HomeById => workers_home by id;
    /// A labour-dispute case by id.
    DisputeById => labor_dispute by id;
    /// A May Day award by id.
    AwardById => labor_award by id;
    /// A union activity by id.
    ActivityById => union_activity by id;
    /// A union social worker by id.
    SocialWorkerById => union_social_worker by id;
    /// A craftsman by id.
    CraftsmanById => craftsman by id;
    /// A labour-sector social organisation by id.
    LaborOrganizationById => labor_social_organization by id;
    /// The recorded steps of a case, by case id.
    StepsOfDispute => Vec<labor_dispute_step::Model>, disputes::steps_by_dispute_ids;
    /// The workers' homes of a union, by union id.
    HomesOfUnion => workers_home by UnionId;
    /// The social workers of a union, by union id.
    SocialWorkersOfUnion => union_social_worker by UnionId;
    /// The workers' homes housed in a service centre, by centre id.
    HomesAtCenter => workers_home by ServiceCenterId;
    /// The social workers stationed at a service centre, by centre id.
    SocialWorkersAtCenter => union_social_worker by ServiceCenterId;
    /// The labour-sector social organisations based at a service centre, by centre id.
    LaborOrganizationsAtCenter => labor_social_organization by ServiceCenterId;
    /// The union activities held at a service centre, by centre id.
    ActivitiesAtCenter => union_activity by ServiceCenterId;
    /// The labour-dispute caseload of a service centre, by centre id.
    CaseloadAtCenter => CenterCaseload, disputes::caseload_by_center_ids;
}

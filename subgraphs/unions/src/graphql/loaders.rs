//! Dataloaders: every entity lookup and every list under a parent goes through one of
//! these, so a response with N parents costs one statement per kind of child, not N.

use quntuan_kit::rows::{by_text_ids, grouped_by_text};
use sea_orm::DatabaseConnection;

use crate::model::{
    craftsman, grassroots_union, labor_award, labor_dispute, labor_dispute_step,
    labor_social_organization, union_activity, union_social_worker, workers_home,
};
use crate::service::disputes;
use crate::service::disputes::CenterCaseload;

/// The one loader of the subgraph; each key type below is a separate batch.
pub struct UnionsLoader {
    pub db: DatabaseConnection,
}

quntuan_kit::string_key_loaders! {
    UnionsLoader;
    /// A grassroots union by id.
    UnionById => grassroots_union::Model, by_text_ids::<grassroots_union::Entity, _>;
    /// A workers' home by id.
    HomeById => workers_home::Model, by_text_ids::<workers_home::Entity, _>;
    /// A labour-dispute case by id.
    DisputeById => labor_dispute::Model, by_text_ids::<labor_dispute::Entity, _>;
    /// A May Day award by id.
    AwardById => labor_award::Model, by_text_ids::<labor_award::Entity, _>;
    /// A union activity by id.
    ActivityById => union_activity::Model, by_text_ids::<union_activity::Entity, _>;
    /// A union social worker by id.
    SocialWorkerById => union_social_worker::Model, by_text_ids::<union_social_worker::Entity, _>;
    /// A craftsman by id.
    CraftsmanById => craftsman::Model, by_text_ids::<craftsman::Entity, _>;
    /// A labour-sector social organisation by id.
    LaborOrganizationById => labor_social_organization::Model, by_text_ids::<labor_social_organization::Entity, _>;
    /// The recorded steps of a case, by case id.
    StepsOfDispute => Vec<labor_dispute_step::Model>, disputes::steps_by_dispute_ids;
    /// The workers' homes of a union, by union id.
    HomesOfUnion => Vec<workers_home::Model>,
        grouped_by_text::<workers_home::Entity, _>, workers_home::Column::UnionId;
    /// The social workers of a union, by union id.
    SocialWorkersOfUnion => Vec<union_social_worker::Model>,
        grouped_by_text::<union_social_worker::Entity, _>, union_social_worker::Column::UnionId;
    /// The workers' homes housed in a service centre, by centre id.
    HomesAtCenter => Vec<workers_home::Model>,
        grouped_by_text::<workers_home::Entity, _>, workers_home::Column::ServiceCenterId;
    /// The social workers stationed at a service centre, by centre id.
    SocialWorkersAtCenter => Vec<union_social_worker::Model>,
        grouped_by_text::<union_social_worker::Entity, _>, union_social_worker::Column::ServiceCenterId;
    /// The labour-sector social organisations based at a service centre, by centre id.
    LaborOrganizationsAtCenter => Vec<labor_social_organization::Model>,
        grouped_by_text::<labor_social_organization::Entity, _>, labor_social_organization::Column::ServiceCenterId;
    /// The union activities held at a service centre, by centre id.
    ActivitiesAtCenter => Vec<union_activity::Model>,
        grouped_by_text::<union_activity::Entity, _>, union_activity::Column::ServiceCenterId;
    /// The labour-dispute caseload of a service centre, by centre id.
    CaseloadAtCenter => CenterCaseload, disputes::caseload_by_center_ids;
}

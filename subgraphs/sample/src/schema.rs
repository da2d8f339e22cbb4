//! The GraphQL surface of the sample subgraph: thin resolvers over `service`, dataloaders
//! from the kit (rows by id, figures from the summary).

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, EmptySubscription, ID, Object, Result, Schema, SimpleObject};
use chrono::{NaiveDate, Utc};
use quntuan_kit::rows::{ById, by_primary_key};
use quntuan_kit::summary::SummaryFigures;
use quntuan_kit::{ApiError, ApiResult, Page, dataloader};
use sea_orm::DatabaseConnection;

use crate::entity::{Entity, Model};
use crate::service::{self, RegisterSampleUnitInput, SampleUnitFilter, UNIT};

/// The sample subgraph's schema.
pub type SampleSchema = Schema<Query, Mutation, EmptySubscription>;

/// What every resolver reaches through the context.
struct AppData {
    db: DatabaseConnection,
    unit: DataLoader<ById<Entity>>,
    figures: DataLoader<SummaryFigures>,
}

fn app<'a>(ctx: &Context<'a>) -> ApiResult<&'a AppData> {
    ctx.data::<AppData>()
        .map_err(|e| ApiError::internal("reading the schema data", e.message))
}

/// Builds the schema serving `db` (federation enabled).
pub fn build_schema(db: DatabaseConnection) -> SampleSchema {
    let app = AppData {
        unit: dataloader(by_primary_key(&db)),
        figures: dataloader(SummaryFigures::new(&db, &service::SUMMARY)),
        db,
    };
    Schema::build(Query, Mutation, EmptySubscription)
        .enable_federation()
        .extension(quntuan_kit::Batching)
        .data(app)
        .finish()
}

/// The federation SDL, exactly as `_service { sdl }` serves it.
pub fn sdl() -> String {
    quntuan_kit::sdl::federation_sdl(
        &Schema::build(Query, Mutation, EmptySubscription)
            .enable_federation()
            .finish(),
    )
}

/// A grassroots unit of the organisation.
pub(crate) struct SampleUnit(Model);

quntuan_kit::directory_object! {
    #[Object]
    impl SampleUnit {
        id(UNIT);
        str name;
        str kind;
        /// The community (or street) the unit is in.
        codes;
        region;
        copy founded_on: NaiveDate;
        copy member_count: i32;
    }
}

quntuan_kit::connection!(
    /// A page of units.
    SampleUnitConnection,
    SampleUnit
);

/// A region of the county – street – community hierarchy (owned by hub).
pub(crate) struct Region {
    code: String,
}

#[Object]
impl Region {
    async fn code(&self) -> &str {
        &self.code
    }
    /// The organisation's figures for this region and everything below it.
    async fn sample(&self, ctx: &Context<'_>) -> Result<Option<SampleRegionFigures>> {
        // Nullable, so that an outage of this subgraph nulls only its own figures.
        let row = app(ctx)?
            .figures
            .load_one(self.code.clone())
            .await?
            .unwrap_or_default();
        let at = |i: usize| row.get(i).copied().unwrap_or(0);
        Ok(Some(SampleRegionFigures {
            unit_count: at(0),
            member_count: at(1),
        }))
    }
}

/// The organisation's figures of a region (public aggregates), from the summary.
#[derive(SimpleObject)]
pub(crate) struct SampleRegionFigures {
    /// Grassroots units.
    unit_count: i64,
    /// Members of those units.
    member_count: i64,
}

pub struct Query;

#[Object]
impl Query {
    /// Grassroots units, filtered, one page ordered by id.
    async fn sample_units(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: SampleUnitFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> Result<SampleUnitConnection> {
        let page = Page::new(limit, offset)?;
        let (total_count, rows) = service::units(&app(ctx)?.db, &filter, page).await?;
        Ok(SampleUnitConnection {
            total_count,
            items: rows.into_iter().map(SampleUnit).collect(),
        })
    }

    /// One unit by id (`sample-unit-000042`); null when there is none.
    async fn sample_unit(&self, ctx: &Context<'_>, id: ID) -> Result<Option<SampleUnit>> {
        let Some(key) = UNIT.parse(&id) else {
            return Ok(None);
        };
        Ok(app(ctx)?.unit.load_one(key).await?.map(SampleUnit))
    }

    /// Any region code resolves (zeros for an unknown code).
    #[graphql(entity)]
    async fn find_region_by_code(&self, code: String) -> Region {
        Region { code }
    }
}

pub struct Mutation;

#[Object]
impl Mutation {
    /// Registers a grassroots unit; its region's figures count it at once.
    async fn register_sample_unit(
        &self,
        ctx: &Context<'_>,
        input: RegisterSampleUnitInput,
    ) -> Result<SampleUnit> {
        let today = Utc::now().date_naive();
        let unit = service::register(&app(ctx)?.db, input, today).await?;
        Ok(SampleUnit(unit))
    }
}

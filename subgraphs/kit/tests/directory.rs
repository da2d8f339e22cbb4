//! `directory_object!`: the shorthands generate the fields they name, in the order written,
//! with their docs, and pass other resolvers through.

use async_graphql::{EmptyMutation, EmptySubscription, Enum, ID, Object, Schema, SimpleObject};
use chrono::NaiveDate;

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
enum Organization {
    Youth,
}

#[derive(SimpleObject)]
struct Region {
    code: String,
}

#[derive(SimpleObject)]
struct ServiceCenter {
    id: ID,
}

impl ServiceCenter {
    fn new(id: String) -> ServiceCenter {
        ServiceCenter { id: ID(id) }
    }
}

enum Kind {
    Branch,
}

impl Kind {
    fn label(&self) -> &'static str {
        match self {
            Kind::Branch => "团支部",
        }
    }
}

struct Row {
    id: i64,
    name: String,
    kind: Kind,
    region_code: String,
    street_code: String,
    district_code: String,
    founded_on: NaiveDate,
    service_center_id: Option<String>,
}

struct Format;

impl Format {
    fn format(&self, id: i64) -> String {
        format!("branch-{id}")
    }
}

struct Unit(Row);

quntuan_kit::directory_object! {
    #[Object]
    impl Unit shared {
        id(Format);
        /// The unit's name.
        str name;
        label kind;
        /// Always `YOUTH`.
        organization(Organization::Youth);
        /// The community code.
        codes;
        region;
        copy founded_on: NaiveDate;
        /// Its own field, passed through.
        async fn doubled(&self) -> i64 {
            self.0.id * 2
        }
        service_center;
    }
}

struct Plain(Row);

quntuan_kit::directory_object! {
    #[Object]
    impl Plain {
        str name;
    }
}

struct Query;

#[Object]
impl Query {
    async fn unit(&self) -> Unit {
        Unit(row())
    }
    async fn plain(&self) -> Plain {
        Plain(row())
    }
}

fn row() -> Row {
    Row {
        id: 7,
        name: "第一团支部".into(),
        kind: Kind::Branch,
        region_code: "510104001001".into(),
        street_code: "510104001".into(),
        district_code: "510104".into(),
        founded_on: NaiveDate::from_ymd_opt(2020, 5, 4).unwrap_or_default(),
        service_center_id: Some("center-3".into()),
    }
}

fn type_sdl(sdl: &str, name: &str) -> String {
    let start = sdl
        .find(&format!("type {name} "))
        .unwrap_or_else(|| panic!("no type {name} in\n{sdl}"));
    let end = sdl[start..]
        .find("\n}\n")
        .map_or(sdl.len(), |i| start + i + 3);
    sdl[start..end].to_string()
}

#[tokio::test]
async fn shorthands_generate_their_fields_in_order_with_docs() {
    let schema = Schema::new(Query, EmptyMutation, EmptySubscription);
    let sdl = quntuan_kit::sdl::federation_sdl(&schema);
    // Field docs of the generated fields are not part of a type's own lines, so they are
    // checked through the whole SDL below; the type block lists the fields in order.
    assert_eq!(
        type_sdl(&sdl, "Unit"),
        "type Unit {\n\
         \tid: ID! @shareable\n\
         \t\"\"\"\n\tThe unit's name.\n\t\"\"\"\n\
         \tname: String! @shareable\n\
         \tkind: String! @shareable\n\
         \t\"\"\"\n\tAlways `YOUTH`.\n\t\"\"\"\n\
         \torganization: Organization! @shareable\n\
         \t\"\"\"\n\tThe community code.\n\t\"\"\"\n\
         \tregionCode: String! @shareable\n\
         \tstreetCode: String! @shareable\n\
         \tdistrictCode: String! @shareable\n\
         \tregion: Region! @shareable\n\
         \tfoundedOn: NaiveDate! @shareable\n\
         \t\"\"\"\n\tIts own field, passed through.\n\t\"\"\"\n\
         \tdoubled: Int!\n\
         \tserviceCenter: ServiceCenter\n\
         }\n"
    );
    assert_eq!(
        type_sdl(&sdl, "Plain"),
        "type Plain {\n\tname: String!\n}\n"
    );
    let response = schema
        .execute(
            "{ unit { id name kind organization regionCode streetCode districtCode \
             region { code } foundedOn doubled serviceCenter { id } } plain { name } }",
        )
        .await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    assert_eq!(
        response.data.into_json().unwrap_or_default(),
        serde_json::json!({
            "unit": {
                "id": "branch-7",
                "name": "第一团支部",
                "kind": "团支部",
                "organization": "YOUTH",
                "regionCode": "510104001001",
                "streetCode": "510104001",
                "districtCode": "510104",
                "region": { "code": "510104001001" },
                "foundedOn": "2020-05-04",
                "doubled": 14,
                "serviceCenter": { "id": "center-3" }
            },
            "plain": { "name": "第一团支部" }
        })
    );
}

//! Cost cases as data: a schema with `@cost` and `@listSize`, an operation, its variables,
//! the expected estimate.

use super::*;
use crate::supergraph::Links;
use apollo_compiler::validation::Valid;
use apollo_compiler::{ExecutableDocument, Schema};
use serde_json::json;

const SCHEMA: &str = r#"
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])
{ query: Query mutation: Mutation }
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
type Query {
  volunteer(id: ID!): Volunteer
  volunteers(first: Int, last: Int): [Volunteer!]!
    @listSize(slicingArguments: ["first", "last"], requireOneSlicingArgument: false)
  page(limit: Int = 20): VolunteerPage! @listSize(slicingArguments: ["limit"], sizedFields: ["items"])
  strict(first: Int): [Volunteer!]! @listSize(slicingArguments: ["first"])
  tags: [String!]!
  regions: [Region!]!
  top: [Volunteer!]! @listSize(assumedSize: 5)
  search(filter: Filter): [Volunteer!]! @listSize(assumedSize: 3)
  report: Report @cost(weight: 50)
}
type Mutation { register(name: String! @cost(weight: 4)): Volunteer }
input Filter { text: String @cost(weight: 2) near: Near }
input Near { region: ID @cost(weight: 7) }
type Volunteer { id: ID! name: String hours: Int @cost(weight: 3) region: Region }
type Region @cost(weight: 5) { id: ID! name: String }
type VolunteerPage { total: Int! items: [Volunteer!]! }
type Report { rows: Int }
"#;

struct Case {
    schema: Valid<Schema>,
    directives: CostDirectives,
}

impl Case {
    fn new() -> Self {
        let schema = Schema::parse_and_validate(SCHEMA, "schema.graphql").expect("valid schema");
        let directives = CostDirectives::read(&schema, &Links::read(&schema));
        Self { schema, directives }
    }

    fn document(&self, query: &str) -> Valid<ExecutableDocument> {
        ExecutableDocument::parse_and_validate(&self.schema, query, "query.graphql")
            .unwrap_or_else(|e| panic!("{query}: {}", e.errors))
    }

    fn estimate(&self, query: &str, variables: Value) -> (f64, Option<SlicingProblem>) {
        let document = self.document(query);
        let operation = document.operations.get(None).expect("one operation");
        let variables = variables.as_object().cloned().unwrap_or_default();
        let estimate = estimate(
            &self.schema,
            &self.directives,
            10,
            &document,
            operation,
            &variables,
        );
        estimate.evaluate(&variables)
    }

    fn actual(&self, query: &str, data: Value) -> f64 {
        let document = self.document(query);
        let operation = document.operations.get(None).expect("one operation");
        actual(
            &self.schema,
            &self.directives,
            &document,
            operation,
            &Map::new(),
            &data,
        )
    }
}

#[test]
fn estimates_follow_the_cost_spec() {
    let case = Case::new();
    let cases: &[(&str, f64)] = &[
        // An object costs 1, scalars 0.
        (r#"{ volunteer(id: "1") { id name } }"#, 1.0),
        // A field's @cost, a type's @cost.
        (r#"{ volunteer(id: "1") { hours region { name } } }"#, 9.0),
        // A slicing argument sizes the list.
        ("{ volunteers(first: 4) { id } }", 4.0),
        // Two slicing arguments, requireOneSlicingArgument false: the larger.
        ("{ volunteers(first: 4, last: 6) { id } }", 6.0),
        // No slicing argument and no assumedSize: the configured list size.
        ("{ volunteers { id } }", 10.0),
        // sizedFields: the connection costs 1, its items the slicing size.
        (
            "{ page(limit: 7) { total items { id region { id } } } }",
            1.0 + 7.0 * 6.0,
        ),
        // The slicing argument's default in the schema.
        ("{ page { items { id } } }", 21.0),
        ("{ tags }", 0.0),
        ("{ regions { name } }", 50.0),
        ("{ top { id } }", 5.0),
        // Input fields' weights in a literal, through nested objects.
        (
            r#"{ search(filter: {text: "a", near: {region: "r"}}) { id } }"#,
            3.0 + 2.0 + 7.0,
        ),
        // A mutation's base cost, an argument's weight.
        (r#"mutation { register(name: "x") { id } }"#, 15.0),
        ("{ report { rows } }", 50.0),
        ("{ volunteers(first: 3) { region { name } } }", 18.0),
        ("query { ...F } fragment F on Query { top { id } }", 5.0),
        (r#"{ __typename volunteer(id: "1") { __typename } }"#, 1.0),
    ];
    for (query, expected) in cases {
        assert_eq!(
            case.estimate(query, json!({})),
            (*expected, None),
            "{query}"
        );
    }
}

#[test]
fn variables_decide_slicing_arguments_and_conditions() {
    let case = Case::new();
    let query = "query($n: Int) { volunteers(first: $n) { id region { id } } }";
    assert_eq!(case.estimate(query, json!({"n": 8})), (48.0, None));
    assert_eq!(case.estimate(query, json!({"n": null})), (60.0, None));
    assert_eq!(case.estimate(query, json!({})), (60.0, None));
    let query = r#"query($s: Boolean!) { volunteer(id: "1") @skip(if: $s) { id } top { id } }"#;
    assert_eq!(case.estimate(query, json!({"s": true})), (5.0, None));
    assert_eq!(case.estimate(query, json!({"s": false})), (6.0, None));
}

#[test]
fn a_formula_without_variables_is_one_constant() {
    let case = Case::new();
    let document = case.document("{ page(limit: 3) { items { region { id } } } }");
    let operation = document.operations.get(None).expect("one operation");
    let estimate = estimate(
        &case.schema,
        &case.directives,
        10,
        &document,
        operation,
        &Map::new(),
    );
    assert!(estimate.formula.is_constant());
    assert_eq!(estimate.formula.constant, 1.0 + 3.0 * 6.0);
}

#[test]
fn require_one_slicing_argument_is_reported() {
    let case = Case::new();
    let problem = |found| {
        Some(SlicingProblem {
            coordinate: "Query.strict".into(),
            found,
        })
    };
    assert_eq!(
        case.estimate("{ strict { id } }", json!({})),
        (10.0, problem(0))
    );
    assert_eq!(
        case.estimate("{ strict(first: 2) { id } }", json!({})),
        (2.0, None)
    );
    let query = "query($n: Int) { strict(first: $n) { id } }";
    assert_eq!(case.estimate(query, json!({"n": 3})), (3.0, None));
    assert_eq!(case.estimate(query, json!({})), (10.0, problem(0)));
    let message = CostError::Slicing(SlicingProblem {
        coordinate: "Query.strict".into(),
        found: 0,
    })
    .to_string();
    assert_eq!(
        message,
        "`Query.strict` requires exactly one of its slicing arguments (`@listSize(requireOneSlicingArgument: true)`), and the operation gives 0: give exactly one, so that the list's size can be estimated"
    );
}

#[test]
fn the_actual_cost_counts_what_the_response_holds() {
    let case = Case::new();
    let query = "{ volunteers(first: 4) { id hours region { name } } }";
    let data = json!({"volunteers": [
        {"id": "1", "hours": 2, "region": {"name": "north"}},
        {"id": "2", "hours": null, "region": null}
    ]});
    // Two volunteers (1 each), one `hours` (3), one region (5).
    assert_eq!(case.actual(query, data), 10.0);
    assert_eq!(case.estimate(query, json!({})).0, 4.0 * (1.0 + 3.0 + 5.0));
    let query = r#"mutation { register(name: "x") { id } }"#;
    assert_eq!(case.actual(query, json!({"register": {"id": "v"}})), 15.0);
    assert_eq!(case.actual(query, json!({"register": null})), 14.0);
}

#[test]
fn judging_refuses_only_in_enforce_mode() {
    let measure = DemandControlSettings {
        mode: CostMode::Measure,
        max_cost: 5,
        list_size: 10,
    };
    let judged = judge(&measure, 6.0, None).expect("measure never refuses");
    assert_eq!(judged.result, "COST_ESTIMATED_TOO_EXPENSIVE");
    assert_eq!(
        report(&judged, Some(2.0)),
        json!({"estimated": 6, "actual": 2, "result": "COST_ESTIMATED_TOO_EXPENSIVE", "strategy": "static_estimated"})
    );
    let enforce = DemandControlSettings {
        mode: CostMode::Enforce,
        ..measure
    };
    assert_eq!(
        judge(&enforce, 5.0, None).expect("at the max").result,
        "COST_OK"
    );
    let error = judge(&enforce, 6.0, None).expect_err("over the max");
    assert_eq!(
        error.to_string(),
        "the operation's estimated cost is 6, over the maximum `max_cost` of 5: ask for fewer list elements (a smaller `first`/`limit`) or fewer nested lists"
    );
}

#[test]
fn a_composed_supergraph_keeps_the_directives_the_estimate_reads() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../compose/tests/fixtures/demand-control-directives/supergraph.graphql"
    );
    let sdl = std::fs::read_to_string(path).expect("the composition fixture");
    let supergraph = crate::supergraph::Supergraph::parse(&sdl).expect("the supergraph loads");
    let directives = CostDirectives::read(&supergraph.schema, &supergraph.links);
    let query = r#"{
        people(first: 3) { items { name rank report { lines } } }
        search(text: "x", filter: {region: "r"}) { id }
    }"#;
    let document =
        ExecutableDocument::parse_and_validate(&supergraph.api_schema, query, "query.graphql")
            .expect("valid against the API schema");
    let operation = document.operations.get(None).expect("one operation");
    let estimate = estimate(
        &supergraph.api_schema,
        &directives,
        10,
        &document,
        operation,
        &Map::new(),
    );
    // people 1, three items of 1 + rank 2 + report 40; search 50 people, `text` 5, `region` 3.
    assert_eq!(
        estimate.evaluate(&Map::new()),
        (1.0 + 3.0 * 43.0 + 50.0 + 5.0 + 3.0, None)
    );
}

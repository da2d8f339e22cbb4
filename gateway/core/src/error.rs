//! The closed set of error codes the gateway puts in `extensions.code`, and the GraphQL error
//! shape it answers with.

use serde::Serialize;
use serde_json::{Map, Value};

/// Every `extensions.code` the gateway itself produces. Subgraph errors keep their own codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The HTTP request is not a GraphQL request (bad JSON, missing `query`, wrong method).
    BadRequest,
    /// The document does not parse.
    GraphqlParseFailed,
    /// The document does not validate against the API schema.
    GraphqlValidationFailed,
    /// `operationName` names no operation of the document, or one is needed and missing.
    GraphqlUnknownOperationName,
    /// Variable values do not match their declared types.
    BadUserInput,
    /// The operation cannot be satisfied by the subgraphs of the supergraph.
    QueryPlanningFailed,
    /// A subgraph could not be reached, answered with an HTTP error, or answered garbage.
    SubgraphRequestFailed,
    /// A subgraph did not answer within its timeout.
    SubgraphTimeout,
    /// A subgraph was not called: its circuit breaker is open after repeated failures.
    SubgraphCircuitOpen,
    /// A subgraph was not called: its concurrent-request limit stayed full for the allowed wait.
    SubgraphOverloaded,
    /// The client sent more requests than its rate limit allows; `Retry-After` says when to resume.
    RateLimited,
    /// A subgraph answered a value the API schema does not allow (for example an unknown enum value).
    InvalidSubgraphValue,
    /// A non-null field resolved to null.
    NonNullViolation,
    /// The caller lacks the scope or authentication a field requires.
    UnauthorizedFieldOrType,
    /// A persisted query's hash is unknown: the client should send the document with it.
    PersistedQueryNotFound,
    /// A persisted query's document does not hash to the sha256Hash sent with it.
    PersistedQueryHashMismatch,
    /// A document ID the trusted documents manifest does not have.
    PersistedQueryNotInList,
    /// A free-form document sent where only trusted documents by ID run (`require_id`).
    PersistedQueryIdRequired,
    /// A free-form document the trusted documents manifest does not have (`safelist`).
    QueryNotInSafelist,
    /// A document ID and a `query` in one request, where trusted documents are enforced.
    CannotSendPqIdAndBody,
    /// The request's credentials are malformed or invalid.
    Unauthenticated,
    /// The request exceeds a configured limit (body size, depth).
    RequestTooLarge,
    /// The request could have been sent cross-site without a preflight (CSRF prevention).
    CsrfError,
    /// The document has more lexical tokens than `max_tokens`.
    MaxTokensLimit,
    /// The document nests deeper than the parser's `max_parser_recursion`.
    MaxParserRecursionLimit,
    /// An operation nests fields deeper than `max_depth`.
    MaxDepthLimit,
    /// An operation selects more distinct fields than `max_height`.
    MaxHeightLimit,
    /// An operation has more aliases than `max_aliases`.
    MaxAliasesLimit,
    /// An operation has more root fields than `max_root_fields`.
    MaxRootFieldsLimit,
    /// A selection carries more directives than `max_directives_per_field`.
    MaxDirectivesLimit,
    /// Fragments are spread inside fragments deeper than `max_fragment_depth`.
    MaxFragmentDepthLimit,
    /// An operation expands through its fragments to more selections than `max_selections`.
    MaxSelectionsLimit,
    /// The document introspects the schema and introspection is switched off.
    IntrospectionDisabled,
    /// Demand control (`enforce`): the operation's estimated cost is over `max_cost`.
    CostEstimatedTooExpensive,
    /// Demand control (`enforce`): a field with `@listSize(requireOneSlicingArgument: true)`
    /// got no slicing argument, or more than one.
    CostSlicingArgumentRequired,
    /// The body is a batch (a JSON array of requests), which the gateway does not accept.
    BatchingNotEnabled,
    /// No supergraph is loaded yet (the source has not given a valid one): retry later.
    SchemaNotLoaded,
    /// A subscription over `subscriptions.max_per_connection` or `subscriptions.max_total`.
    SubscriptionLimitExceeded,
    /// The subgraph serving a subscription refused it, closed it or could not be reached.
    SubgraphSubscriptionFailed,
    /// The schema was reloaded and an open subscription is not valid on the new one.
    SubscriptionSchemaReload,
    /// A gateway-side failure that is not the caller's fault.
    InternalServerError,
}

impl ErrorCode {
    /// The code as it appears in `extensions.code`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadRequest => "BAD_REQUEST",
            Self::GraphqlParseFailed => "GRAPHQL_PARSE_FAILED",
            Self::GraphqlValidationFailed => "GRAPHQL_VALIDATION_FAILED",
            Self::GraphqlUnknownOperationName => "GRAPHQL_UNKNOWN_OPERATION_NAME",
            Self::BadUserInput => "BAD_USER_INPUT",
            Self::QueryPlanningFailed => "QUERY_PLANNING_FAILED",
            Self::SubgraphRequestFailed => "SUBGRAPH_REQUEST_FAILED",
            Self::SubgraphTimeout => "SUBGRAPH_TIMEOUT",
            Self::SubgraphCircuitOpen => "SUBGRAPH_CIRCUIT_OPEN",
            Self::SubgraphOverloaded => "SUBGRAPH_OVERLOADED",
            Self::RateLimited => "RATE_LIMITED",
            Self::InvalidSubgraphValue => "INVALID_SUBGRAPH_VALUE",
            Self::NonNullViolation => "NON_NULL_VIOLATION",
            Self::UnauthorizedFieldOrType => "UNAUTHORIZED_FIELD_OR_TYPE",
            Self::PersistedQueryNotFound => "PERSISTED_QUERY_NOT_FOUND",
            Self::PersistedQueryHashMismatch => "PERSISTED_QUERY_HASH_MISMATCH",
            Self::PersistedQueryNotInList => "PERSISTED_QUERY_NOT_IN_LIST",
            Self::PersistedQueryIdRequired => "PERSISTED_QUERY_ID_REQUIRED",
            Self::QueryNotInSafelist => "QUERY_NOT_IN_SAFELIST",
            Self::CannotSendPqIdAndBody => "CANNOT_SEND_PQ_ID_AND_BODY",
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::RequestTooLarge => "REQUEST_TOO_LARGE",
            Self::CsrfError => "CSRF_ERROR",
            Self::MaxTokensLimit => "MAX_TOKENS_LIMIT",
            Self::MaxParserRecursionLimit => "MAX_PARSER_RECURSION_LIMIT",
            Self::MaxDepthLimit => "MAX_DEPTH_LIMIT",
            Self::MaxHeightLimit => "MAX_HEIGHT_LIMIT",
            Self::MaxAliasesLimit => "MAX_ALIASES_LIMIT",
            Self::MaxRootFieldsLimit => "MAX_ROOT_FIELDS_LIMIT",
            Self::MaxDirectivesLimit => "MAX_DIRECTIVES_LIMIT",
            Self::MaxFragmentDepthLimit => "MAX_FRAGMENT_DEPTH_LIMIT",
            Self::MaxSelectionsLimit => "MAX_SELECTIONS_LIMIT",
            Self::IntrospectionDisabled => "INTROSPECTION_DISABLED",
            Self::CostEstimatedTooExpensive => "COST_ESTIMATED_TOO_EXPENSIVE",
            Self::CostSlicingArgumentRequired => "COST_SLICING_ARGUMENT_REQUIRED",
            Self::BatchingNotEnabled => "BATCHING_NOT_ENABLED",
            Self::SchemaNotLoaded => "SCHEMA_NOT_LOADED",
            Self::SubscriptionLimitExceeded => "SUBSCRIPTION_LIMIT_EXCEEDED",
            Self::SubgraphSubscriptionFailed => "SUBGRAPH_SUBSCRIPTION_FAILED",
            Self::SubscriptionSchemaReload => "SUBSCRIPTION_SCHEMA_RELOAD",
            Self::InternalServerError => "INTERNAL_SERVER_ERROR",
        }
    }
}

/// One element of an error's `path`: a response key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PathItem {
    Key(String),
    Index(usize),
}

/// A GraphQL error as it appears in a response's `errors` list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphqlError {
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<Vec<PathItem>>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub extensions: Map<String, Value>,
}

/// A line and column (both from 1) in the request's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl GraphqlError {
    /// An error with a message and the gateway's own code.
    pub fn new(message: impl Into<String>, code: ErrorCode) -> Self {
        let mut extensions = Map::new();
        extensions.insert("code".into(), Value::String(code.as_str().into()));
        Self {
            message: message.into(),
            locations: Vec::new(),
            path: None,
            extensions,
        }
    }

    pub fn with_path(mut self, path: Vec<PathItem>) -> Self {
        self.path = Some(path);
        self
    }

    pub fn with_location(mut self, location: Option<Location>) -> Self {
        self.locations.extend(location);
        self
    }

    /// Names the subgraph an error came from, in `extensions.serviceName`.
    pub fn with_service(mut self, service: &str) -> Self {
        self.extensions
            .insert("serviceName".into(), Value::String(service.into()));
        self
    }

    /// The code in `extensions.code`, if any.
    pub fn code(&self) -> Option<&str> {
        self.extensions.get("code").and_then(Value::as_str)
    }

    /// Reads an error object as a subgraph sent it; anything malformed becomes a plain message.
    pub fn from_subgraph_json(value: &Value) -> Self {
        let message = value
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("subgraph error without a message")
            .to_string();
        let path = value.get("path").and_then(Value::as_array).map(|items| {
            items
                .iter()
                .filter_map(|item| match item {
                    Value::String(key) => Some(PathItem::Key(key.clone())),
                    Value::Number(n) => n.as_u64().map(|i| PathItem::Index(i as usize)),
                    _ => None,
                })
                .collect()
        });
        let extensions = value
            .get("extensions")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        Self {
            message,
            locations: Vec::new(),
            path,
            extensions,
        }
    }
}

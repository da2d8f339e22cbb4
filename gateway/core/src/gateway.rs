//! The gateway as one value: a supergraph, caches, a transport. [`Gateway::execute`] runs the
//! whole pipeline for one GraphQL request; the HTTP layer only translates to and from HTTP.

mod demand;
mod inbound_dedup;
mod incremental;
mod introspection;
mod labels;
mod shared;
pub mod weights;

pub use shared::SharedState;
use shared::routing;

use crate::audit::{AuditSettings, AuditTrail};
use crate::auth::{AuthSettings, Authenticator, Caller, Guard, Identity, authorize};
use crate::cost::{CostDirectives, DemandControlSettings, Estimate};
use crate::error::{ErrorCode, GraphqlError};
use crate::execute::{ExecutionSettings, HttpTransport, SubgraphTransport, execute_plan};
use crate::headers::{HeaderRules, HeaderSettings, SubgraphHeaders};
use crate::limits::{self, LimitSettings};
use crate::persisted::PersistedQueryStore;
use crate::plan::{OperationInput, PlanNode, QueryPlan, plan_operation};
use crate::rate_limit::{RateLimitSettings, RateLimiter};
use crate::request::{PreparedDocument, coerce_variables, select_operation, validate};
use crate::resilience::ResilienceSettings;
use crate::response::ShapePlan;
use crate::selection::SelectionSet;
use crate::subgraph_compression::SubgraphCompressionSettings;
use crate::supergraph::Supergraph;
use crate::telemetry::metrics::{CacheKind, Stage, record_cache, record_stage};
use crate::trusted::{DocumentCheck, TrustedDocuments, TrustedDocumentsSettings};
use apollo_compiler::Name;
use apollo_compiler::ast::OperationType;
use moka::sync::Cache;
use quntuan_trace::{Span, SpanKind};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use weights::Weighed;

/// A GraphQL request as GraphQL over HTTP carries it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphqlRequest {
    pub query: Option<String>,
    #[serde(default)]
    pub operation_name: Option<String>,
    #[serde(default)]
    pub variables: Option<Map<String, Value>>,
    #[serde(default)]
    pub extensions: Option<Map<String, Value>>,
    /// A trusted document's ID, in place of `query` ([`crate::trusted`]).
    #[serde(default)]
    pub document_id: Option<String>,
}

/// A GraphQL response. `data: None` is a request error: the response has no `data` key.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GraphqlResponse {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Box<serde_json::value::RawValue>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<GraphqlError>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub extensions: Map<String, Value>,
    /// True when the answer went to [`RequestOptions::incremental`] in parts instead.
    #[serde(skip)]
    pub delivered_incrementally: bool,
    /// HTTP headers from the subgraphs' answers: the merged `cache-control` and the headers
    /// the rules pass ([`crate::headers`]).
    #[serde(skip)]
    pub headers: http::HeaderMap,
}

impl GraphqlResponse {
    pub fn request_errors(errors: Vec<GraphqlError>) -> Self {
        Self {
            data: None,
            errors,
            ..Self::default()
        }
    }

    /// The answer was sent in parts (`@defer`): nothing is left to send.
    fn delivered() -> Self {
        Self {
            delivered_incrementally: true,
            ..Self::default()
        }
    }

    /// Whether the request failed before execution (parse, validation, variables, planning).
    pub fn is_request_error(&self) -> bool {
        self.data.is_none()
    }
}

/// Per-request choices the transport layer makes.
#[derive(Debug, Clone, Default)]
pub struct RequestOptions {
    /// Put the query plan in `extensions.queryPlan`.
    pub include_plan: bool,
    /// False for GET requests: mutations are refused.
    pub allow_mutations: bool,
    /// Client headers passed to subgraphs, by the header rules ([`HeaderRules::for_request`]).
    pub forwarded_headers: SubgraphHeaders,
    /// Who is asking: decides which protected fields are planned at all.
    pub caller: Caller,
    /// Who is asking, for the audit trail (never part of a cache key).
    pub identity: Identity,
    /// Where the payloads of an incremental answer go, when the client accepts them
    /// (`multipart/mixed`). Without it, deferred fragments are answered in one response.
    pub incremental: Option<PayloadSink>,
    /// Progressive-override labels this request switches on (`true`) or off (`false`), over
    /// the gateway's settings: the request context of `@override(label:)`.
    pub override_labels: HashMap<String, bool>,
    /// What a subscription's fetches go through ([`crate::subscription::open`] sets it); a
    /// subscription without it is refused, as it was sent where no stream can carry events.
    pub subscription: Option<crate::subscription::SubscriptionFetches>,
}

/// Receives the JSON payloads of an incremental (`@defer`) answer, in order.
pub type PayloadSink = tokio::sync::mpsc::UnboundedSender<String>;

/// Settings of a gateway instance.
#[derive(Debug, Clone)]
pub struct GatewaySettings {
    pub subgraph_timeout: Duration,
    /// Subgraph URLs that replace the supergraph's `join__graph(url:)`, by subgraph name.
    pub url_overrides: HashMap<String, String>,
    /// Entries each of the document, plan and cost caches keeps at most.
    pub plan_cache_size: u64,
    /// Estimated bytes the document, plan and cost caches hold together at most
    /// ([`weights`]): 45% for documents, 45% for plans, 10% for cost formulas.
    pub plan_cache_bytes: u64,
    /// HS256 secret that verifies callers' JWTs; without one every caller is anonymous.
    pub jwt_secret: Option<String>,
    /// JWKS, issuer and audience, where the token is, and what each `@policy` requires.
    pub auth: AuthSettings,
    /// The audit trail of personal-data reads: the log target always, a table when configured.
    pub audit: AuditSettings,
    /// Share one subgraph request among identical concurrent queries.
    pub deduplicate_requests: bool,
    /// Share one execution among identical concurrent client queries from the same caller.
    pub deduplicate_inbound: bool,
    /// Progressive `@override` labels switched on or off. A label not listed is off, except
    /// `percent(N)`, which is drawn per request (on N% of the time).
    pub override_labels: HashMap<String, bool>,
    /// Subgraph timeouts, concurrency limits, retries and circuit breakers.
    pub resilience: ResilienceSettings,
    /// Rate limits of incoming requests (none by default).
    pub rate_limits: RateLimitSettings,
    /// Operation limits, checked before validation and planning.
    pub limits: LimitSettings,
    /// Answer `__schema` and `__type`; off, such documents are refused (`INTROSPECTION_DISABLED`).
    pub introspection: bool,
    /// Which operations run: a manifest of trusted documents and its mode (off by default).
    pub trusted_documents: TrustedDocumentsSettings,
    /// Demand control: operations costed from `@cost`/`@listSize`, reported or refused.
    pub demand_control: DemandControlSettings,
    /// Which headers subgraph requests carry and which of the answers' reach the client.
    pub headers: HeaderSettings,
    /// Compressed subgraph requests, and compressed answers asked for (off by default).
    pub subgraph_compression: SubgraphCompressionSettings,
    /// Subscriptions: limits, buffers, heartbeats, and each subgraph's protocol.
    pub subscriptions: crate::subscription::SubscriptionSettings,
}

impl Default for GatewaySettings {
    fn default() -> Self {
        Self {
            subgraph_timeout: Duration::from_secs(30),
            url_overrides: HashMap::new(),
            plan_cache_size: 2_000,
            plan_cache_bytes: 64 << 20,
            jwt_secret: None,
            auth: AuthSettings::default(),
            audit: AuditSettings::default(),
            deduplicate_requests: true,
            deduplicate_inbound: false,
            override_labels: HashMap::new(),
            resilience: ResilienceSettings::default(),
            rate_limits: RateLimitSettings::default(),
            limits: LimitSettings::default(),
            introspection: true,
            trusted_documents: TrustedDocumentsSettings::default(),
            demand_control: DemandControlSettings::default(),
            headers: HeaderSettings::default(),
            subgraph_compression: SubgraphCompressionSettings::default(),
            subscriptions: crate::subscription::SubscriptionSettings::default(),
        }
    }
}

/// What planning produced for one (document, operation, conditions) triple.
#[derive(Debug)]
pub struct PreparedPlan {
    pub plan: QueryPlan,
    pub selection: SelectionSet,
    pub root_type: Name,
    /// The selection compiled for shaping the answers to this plan.
    pub shape: ShapePlan,
    /// For a plan with deferred parts: the shaping plans of its incremental payloads.
    pub incremental: Option<incremental::Shapes>,
    pub kind: OperationType,
    pub has_schema_introspection: bool,
    /// One error per field the caller may not see (cut from the plan, null in the response).
    pub auth_errors: Vec<GraphqlError>,
    /// Fields under a scope or a policy the response may carry (the audit trail's).
    pub guarded: Vec<Guard>,
    /// The length of the last `data` shaped for this plan: the next answer's buffer starts
    /// about that large instead of growing by doublings.
    response_length: AtomicUsize,
}

impl PreparedPlan {
    /// The estimated bytes the plan holds (its cache entry's weight).
    fn weight(&self) -> u64 {
        let guarded: usize = self
            .guarded
            .iter()
            .map(|guard| {
                size_of::<Guard>()
                    + guard.coordinate.len()
                    + guard.path.iter().map(|key| key.len() + 24).sum::<usize>()
            })
            .sum();
        weights::plan_bytes(&self.selection, &self.plan)
            + self.shape.weight()
            + self
                .incremental
                .as_ref()
                .map_or(0, incremental::Shapes::weight)
            + weights::errors_bytes(&self.auth_errors)
            + guarded as u64
    }
}

pub struct Gateway {
    supergraph: Arc<Supergraph>,
    transport: Arc<dyn SubgraphTransport>,
    urls: HashMap<String, String>,
    /// The longest a fetch may take through every resilience layer, for any subgraph.
    fetch_deadline: Duration,
    settings: GatewaySettings,
    documents: Cache<u64, Weighed<Result<PreparedDocument, Vec<GraphqlError>>>>,
    plans: Cache<u64, Weighed<Result<PreparedPlan, GraphqlError>>>,
    /// The supergraph's `@cost` and `@listSize`.
    cost_directives: CostDirectives,
    /// Cost formulas, by document, operation and `@skip`/`@include` conditions.
    costs: Cache<u64, Weighed<Estimate>>,
    persisted: Arc<PersistedQueryStore>,
    trusted: Arc<TrustedDocuments>,
    rate_limiter: Option<Arc<RateLimiter>>,
    authenticator: Arc<Authenticator>,
    audit: Arc<AuditTrail>,
    header_rules: Arc<HeaderRules>,
    in_flight: inbound_dedup::InFlight,
}

impl Gateway {
    /// Panics on authentication settings that cannot work; [`Gateway::try_new`] returns them.
    pub fn new(supergraph: Supergraph, settings: GatewaySettings) -> Self {
        Self::with_transport(supergraph, settings, Arc::new(HttpTransport::new()))
    }

    /// A gateway, or why its authentication settings cannot work.
    pub fn try_new(supergraph: Supergraph, settings: GatewaySettings) -> Result<Self, String> {
        let shared = SharedState::try_new(&settings, Arc::new(HttpTransport::new()))?;
        Ok(Self::with_shared(supergraph, settings, shared))
    }

    pub fn with_transport(
        supergraph: Supergraph,
        settings: GatewaySettings,
        transport: Arc<dyn SubgraphTransport>,
    ) -> Self {
        let shared = SharedState::new(&settings, transport);
        Self::with_shared(supergraph, settings, shared)
    }

    /// A gateway for `supergraph` around long-lived state another gateway may share; its
    /// document and plan caches are its own, so they never outlive the schema they belong to.
    pub fn with_shared(
        supergraph: Supergraph,
        settings: GatewaySettings,
        shared: SharedState,
    ) -> Self {
        let (urls, fetch_deadline) = routing(&supergraph, &settings);
        let cost_directives = CostDirectives::read(&supergraph.schema, &supergraph.links);
        Self {
            supergraph: Arc::new(supergraph),
            transport: shared.transport,
            urls,
            fetch_deadline,
            documents: weights::cache(
                weights::share(settings.plan_cache_bytes, 45),
                settings.plan_cache_size,
            ),
            plans: weights::cache(
                weights::share(settings.plan_cache_bytes, 45),
                settings.plan_cache_size,
            ),
            cost_directives,
            costs: weights::cache(
                weights::share(settings.plan_cache_bytes, 10),
                settings.plan_cache_size,
            ),
            persisted: shared.persisted,
            trusted: shared.trusted,
            rate_limiter: shared.rate_limiter,
            authenticator: shared.authenticator,
            audit: shared.audit,
            header_rules: shared.header_rules,
            settings,
            in_flight: inbound_dedup::InFlight::default(),
        }
    }

    /// The state a gateway for the next supergraph keeps from this one.
    pub fn shared(&self) -> SharedState {
        SharedState {
            transport: self.transport.clone(),
            persisted: self.persisted.clone(),
            trusted: self.trusted.clone(),
            rate_limiter: self.rate_limiter.clone(),
            authenticator: self.authenticator.clone(),
            audit: self.audit.clone(),
            header_rules: self.header_rules.clone(),
        }
    }

    /// Keeps persisted queries in Redis, shared by every replica, instead of in memory.
    /// Rate-limit buckets go to Redis too, connected lazily: they never keep the gateway from
    /// starting or serving.
    pub async fn with_redis(mut self, url: &str) -> Result<Self, crate::persisted::StoreError> {
        self.persisted = Arc::new(PersistedQueryStore::redis(url).await?);
        self.share_rate_limits(url)?;
        Ok(self)
    }

    /// Shares the rate-limit buckets through Redis at `url` (persisted queries stay where they are).
    pub fn share_rate_limits(&self, url: &str) -> Result<(), crate::persisted::StoreError> {
        if let Some(limiter) = &self.rate_limiter {
            limiter
                .use_redis(url)
                .map_err(|reason| crate::persisted::StoreError::Connect {
                    url: url.to_string(),
                    reason,
                })?;
        }
        Ok(())
    }

    /// The rate limiter, when any limit is configured.
    pub fn rate_limiter(&self) -> Option<Arc<RateLimiter>> {
        self.rate_limiter.clone()
    }

    /// Verifies callers' tokens.
    pub fn authenticator(&self) -> &Authenticator {
        &self.authenticator
    }

    /// The header rules: what subgraph requests carry, what the answers give the client.
    pub fn header_rules(&self) -> &HeaderRules {
        &self.header_rules
    }

    /// The trusted documents manifest in force (tests reload it).
    pub fn trusted_documents(&self) -> &Arc<TrustedDocuments> {
        &self.trusted
    }

    /// The audit trail (tests flush it before reading the table).
    pub fn audit(&self) -> &AuditTrail {
        &self.audit
    }

    /// The transport of subgraph fetches, with its resilience layers (subscriptions wrap it).
    pub(crate) fn transport(&self) -> Arc<dyn SubgraphTransport> {
        self.transport.clone()
    }

    pub fn settings(&self) -> &GatewaySettings {
        &self.settings
    }

    /// Each subgraph's URL, overrides applied.
    pub fn subgraph_urls(&self) -> &HashMap<String, String> {
        &self.urls
    }

    pub fn supergraph(&self) -> &Supergraph {
        &self.supergraph
    }

    /// Runs one request through parse, validate, plan, execute and shape; with
    /// `deduplicate_inbound`, an identical query of the same caller already running answers it.
    pub async fn execute(
        &self,
        request: GraphqlRequest,
        options: &RequestOptions,
    ) -> GraphqlResponse {
        match self.inbound_key(&request, options) {
            Some(key) => {
                let execute = self.execute_once(request, options);
                self.in_flight.run(key, execute).await
            }
            None => self.execute_once(request, options).await,
        }
    }

    /// The key identical in-flight requests share, for queries when inbound deduplication is on.
    fn inbound_key(&self, request: &GraphqlRequest, options: &RequestOptions) -> Option<u64> {
        if !self.settings.deduplicate_inbound || options.incremental.is_some() {
            return None;
        }
        let query = request.query.as_deref()?;
        let document = self.document(query);
        let prepared = document.as_ref().as_ref().ok()?;
        let operation =
            select_operation(&prepared.document, request.operation_name.as_deref()).ok()?;
        // A request answered by an identical one in flight never runs the pipeline itself.
        crate::telemetry::http::note_operation(operation.name.as_deref());
        if operation.operation_type != OperationType::Query {
            return None;
        }
        let mut labels: Vec<_> = options.override_labels.iter().collect();
        labels.sort();
        let headers = &options.forwarded_headers;
        Some(hash_of(&(
            query,
            &request.operation_name,
            request
                .variables
                .as_ref()
                .map(|v| Value::Object(v.clone()).to_string()),
            request
                .extensions
                .as_ref()
                .map(|e| Value::Object(e.clone()).to_string()),
            headers,
            &options.caller,
            labels,
            options.include_plan,
            options.allow_mutations,
        )))
    }

    async fn execute_once(
        &self,
        request: GraphqlRequest,
        options: &RequestOptions,
    ) -> GraphqlResponse {
        let check = DocumentCheck {
            limits: &self.settings.limits,
            introspection: self.settings.introspection,
        };
        let persisted = match self.trusted.resolve(&request, &self.persisted, check).await {
            Ok(persisted) => persisted,
            Err(error) => return GraphqlResponse::request_errors(vec![error]),
        };
        let query = persisted.as_deref().or(request.query.as_deref());
        let Some(query) = query.filter(|q| !q.trim().is_empty()) else {
            return GraphqlResponse::request_errors(vec![GraphqlError::new(
                "the request has no `query`: send the GraphQL document in the `query` field",
                ErrorCode::BadRequest,
            )]);
        };
        let document = self.document(query);
        let prepared = match document.as_ref() {
            Ok(prepared) => prepared,
            Err(errors) => return GraphqlResponse::request_errors(errors.clone()),
        };
        let operation =
            match select_operation(&prepared.document, request.operation_name.as_deref()) {
                Ok(operation) => operation,
                Err(error) => return GraphqlResponse::request_errors(vec![error]),
            };
        crate::telemetry::http::note_operation(operation.name.as_deref());
        crate::telemetry::traces::note_operation(operation);
        if operation.operation_type == OperationType::Mutation && !options.allow_mutations {
            return GraphqlResponse::request_errors(vec![GraphqlError::new(
                "mutations cannot be sent with GET: use POST",
                ErrorCode::BadRequest,
            )]);
        }
        let empty = Map::new();
        let variables = match coerce_variables(
            &self.supergraph.api_schema,
            operation,
            request.variables.as_ref().unwrap_or(&empty),
        ) {
            Ok(variables) => variables,
            Err(error) => return GraphqlResponse::request_errors(vec![error]),
        };
        let cost = match self.judge_cost(query, prepared, operation, &variables) {
            Ok(cost) => cost,
            Err(error) => return GraphqlResponse::request_errors(vec![error.into()]),
        };
        let plan = self.plan(
            query,
            request.operation_name.as_deref(),
            prepared,
            operation,
            &variables,
            &options.caller,
            &options.override_labels,
        );
        let plan = match plan.as_ref() {
            Ok(plan) => plan,
            Err(error) => return GraphqlResponse::request_errors(vec![error.clone()]),
        };
        let answers = self.header_rules.answers();
        let transport =
            match crate::subscription::transport_for(plan.kind, options, self.transport.as_ref()) {
                Ok(transport) => transport,
                Err(error) => return GraphqlResponse::request_errors(vec![error]),
            };
        let settings = ExecutionSettings {
            transport,
            urls: &self.urls,
            timeout: self.fetch_deadline,
            headers: options.forwarded_headers.clone(),
            response_headers: Some(answers.clone()),
            operation_name: operation.name.as_deref(),
        };
        let execute_span = Span::child("execute", SpanKind::Internal);
        if let (Some(sink), Some(PlanNode::Defer { primary, deferred }), Some(shapes)) =
            (&options.incremental, &plan.plan.node, &plan.incremental)
        {
            let request = incremental::Request {
                plan,
                shapes,
                variables: &variables,
                settings: &settings,
                sink,
                identity: &options.identity,
                operation_name: operation.name.as_ref().map(|name| name.as_str()),
            };
            let introspect = |data: &mut crate::data::Data, errors: &mut Vec<GraphqlError>| {
                self.introspect(prepared, operation, &variables, data, errors)
            };
            let deliver =
                self.deliver_incrementally(request, (primary.as_deref(), deferred), introspect);
            return execute_span.in_scope(deliver).await;
        }
        let started = Instant::now();
        let mut execution = execute_span
            .in_scope(execute_plan(&plan.plan, &variables, &settings))
            .await;
        record_stage(Stage::Execute, started.elapsed());
        drop(execute_span);
        if !plan.auth_errors.is_empty() {
            execution
                .errors
                .splice(0..0, plan.auth_errors.iter().cloned());
        }
        if plan.has_schema_introspection {
            self.introspect(
                prepared,
                operation,
                &variables,
                &mut execution.data,
                &mut execution.errors,
            );
        }
        // The last answer's length and a little more: the same query usually answers about the
        // same length, and a buffer a little too large is cut to size in place.
        let last = plan.response_length.load(Ordering::Relaxed);
        let data = plan.shape.shape(
            &execution.data,
            &mut execution.errors,
            execution.had_fetch_failure,
            if last == 0 {
                16 * 1024
            } else {
                last + last / 16 + 64
            },
        );
        plan.response_length
            .store(data.get().len(), Ordering::Relaxed);
        if !plan.guarded.is_empty()
            && let Ok(value) = serde_json::from_str::<Value>(data.get())
        {
            self.audit.record(
                &plan.guarded,
                &value,
                &options.identity,
                operation.name.as_ref().map(|name| name.as_str()),
            );
        }
        let mut extensions = Map::new();
        if let Some(judged) = &cost {
            let report = self.cost_report(judged, prepared, operation, &variables, &data);
            extensions.insert("cost".into(), report);
        }
        // A cache may keep a query's answer only when every fetch answered.
        let cacheable = plan.kind == OperationType::Query && !execution.had_fetch_failure;
        let mut response = GraphqlResponse {
            data: Some(data),
            errors: execution.errors,
            extensions,
            headers: answers.finish(cacheable),
            ..GraphqlResponse::default()
        };
        if options.include_plan {
            response
                .extensions
                .insert("queryPlan".into(), plan_extension(&plan.plan));
        }
        response
    }

    /// Plans `operation_name` of `query` (for `quntuan plan` and tests); variables select
    /// `@skip`/`@include` branches. Demand control in `enforce` mode refuses as it would a
    /// request.
    pub fn plan_for(
        &self,
        query: &str,
        operation_name: Option<&str>,
        variables: &Map<String, Value>,
    ) -> Result<Arc<Result<PreparedPlan, GraphqlError>>, Vec<GraphqlError>> {
        let document = self.document(query);
        let prepared = document.as_ref().as_ref().map_err(Clone::clone)?;
        let operation =
            select_operation(&prepared.document, operation_name).map_err(|e| vec![e])?;
        let variables = coerce_variables(&self.supergraph.api_schema, operation, variables)
            .map_err(|e| vec![e])?;
        self.judge_cost(query, prepared, operation, &variables)
            .map_err(|e| vec![e.into()])?;
        Ok(self.plan(
            query,
            operation_name,
            prepared,
            operation,
            &variables,
            &Caller::default(),
            &HashMap::new(),
        ))
    }

    /// The document stage, cached by the query text; refusals are cached too.
    fn document(&self, query: &str) -> Arc<Result<PreparedDocument, Vec<GraphqlError>>> {
        let key = hash_of(&(query,));
        let mut hit = true;
        let document = self.documents.get_with(key, || {
            hit = false;
            let prepared = self.prepare_document(query);
            let bytes = match &prepared {
                Ok(prepared) => weights::document_bytes(query, &prepared.document),
                Err(errors) => weights::errors_bytes(errors),
            };
            Weighed::new(prepared, bytes)
        });
        record_cache(CacheKind::Document, hit);
        document.value
    }

    /// Parses within the token and nesting limits, applies the introspection switch and the
    /// operation limits, then validates against the API schema.
    fn prepare_document(&self, query: &str) -> Result<PreparedDocument, Vec<GraphqlError>> {
        let limits = &self.settings.limits;
        let span = Span::child("parse", SpanKind::Internal);
        let started = Instant::now();
        let ast = limits::parse(limits, query);
        record_stage(Stage::Parse, started.elapsed());
        let ast = ast.inspect_err(|errors| note_refusal(span, errors))?;
        let span = Span::child("validate", SpanKind::Internal);
        let started = Instant::now();
        let validated = self.check_and_validate(ast);
        record_stage(Stage::Validate, started.elapsed());
        validated.inspect_err(|errors| note_refusal(span, errors))
    }

    /// The introspection switch, the operation limits, then validation against the API schema.
    fn check_and_validate(
        &self,
        ast: apollo_compiler::ast::Document,
    ) -> Result<PreparedDocument, Vec<GraphqlError>> {
        let limits = &self.settings.limits;
        if !self.settings.introspection {
            limits::refuse_introspection(&ast).map_err(|error| vec![error])?;
        }
        limits::check(limits, &ast).map_err(|errors| {
            errors
                .into_iter()
                .map(GraphqlError::from)
                .collect::<Vec<_>>()
        })?;
        validate(&self.supergraph.api_schema, ast)
    }

    fn plan(
        &self,
        query: &str,
        operation_name: Option<&str>,
        prepared: &PreparedDocument,
        operation: &apollo_compiler::executable::Operation,
        variables: &Map<String, Value>,
        caller: &Caller,
        requested_labels: &HashMap<String, bool>,
    ) -> Arc<Result<PreparedPlan, GraphqlError>> {
        let conditions: Vec<bool> = prepared
            .condition_variables
            .iter()
            .map(|name| matches!(variables.get(name.as_str()), Some(Value::Bool(true))))
            .collect();
        let labels_on = self.override_labels_on(requested_labels);
        let key = hash_of(&(
            query,
            operation_name,
            conditions,
            self.supergraph.hash,
            caller,
            &labels_on,
        ));
        let mut hit = true;
        let plan = self.plans.get_with(key, || {
            hit = false;
            let mut span = Span::child("plan", SpanKind::Internal);
            let started = Instant::now();
            let selection = SelectionSet::from_executable(
                &operation.selection_set,
                &prepared.document.fragments,
                variables,
            );
            let root_type = operation.selection_set.ty.clone();
            let has_schema_introspection = selection
                .fields()
                .any(|f| f.name == "__schema" || f.name == "__type");
            let authorized = authorize(&self.supergraph, &selection, &root_type, caller);
            let input = OperationInput {
                override_labels: &labels_on,
                kind: operation.operation_type,
                name: operation.name.as_deref(),
                variables: &operation.variables,
                selection_set: &authorized.selection,
            };
            let plan = plan_operation(&self.supergraph, &input)
                .map_err(|e| GraphqlError::new(e.to_string(), ErrorCode::QueryPlanningFailed));
            let schema = &self.supergraph.api_schema;
            let prepared = plan.map(|plan| PreparedPlan {
                shape: ShapePlan::new(schema, &selection, &root_type),
                incremental: incremental::Shapes::new(schema, &plan, &selection, &root_type),
                plan,
                selection,
                root_type,
                kind: operation.operation_type,
                has_schema_introspection,
                auth_errors: authorized.errors,
                guarded: authorized.guarded,
                response_length: AtomicUsize::new(0),
            });
            record_stage(Stage::Plan, started.elapsed());
            let bytes = match &prepared {
                Ok(prepared) => prepared.weight(),
                Err(error) => {
                    span.set_error(error.message.clone());
                    weights::errors_bytes(std::slice::from_ref(error))
                }
            };
            Weighed::new(prepared, bytes)
        });
        record_cache(CacheKind::Plan, hit);
        plan.value
    }
}

fn plan_extension(plan: &QueryPlan) -> Value {
    let mut map = Map::new();
    map.insert("text".into(), Value::String(plan.to_string()));
    map.insert(
        "object".into(),
        serde_json::to_value(plan).unwrap_or(Value::Null),
    );
    Value::Object(map)
}

/// Ends a stage's span as failed, with the first of the errors that refused the document.
fn note_refusal(mut span: Span, errors: &[GraphqlError]) {
    if let Some(error) = errors.first() {
        span.set_error(error.message.clone());
    }
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

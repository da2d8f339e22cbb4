//! Dataloaders that run a batch as soon as the request has asked for every key it can.
//!
//! async-graphql's `DataLoader` hands each batch to a spawner after a timer. A timer is the
//! wrong signal: too short and a batch leaves before the rest of a list has asked for its
//! keys (one statement per round instead of one per level), too long and every level of a
//! query waits for nothing (the old 5 ms window made each `_entities` answer take ~6.7 ms).
//!
//! The right signal is the request future itself: once it is pending and did not wake itself
//! (a cooperative yield, e.g. `FuturesUnordered` giving way after 32 polls), every field that
//! can run has queued its keys, and nothing more will be asked until a batch answers. So
//! [`dataloader`] builds loaders with no timer whose spawner queues each batch on the request
//! being polled, and the [`Batching`] extension (which every subgraph schema installs) drives
//! the request: it polls the query, and when it stalls, runs the queued batches inside the
//! same task, one level at a time. The number of statements a query costs then depends on its
//! shape only, never on how loaded the machine is.
//!
//! A batch started outside a [`Batching`] request (a loader used directly, or a loader that
//! loads through another loader from inside a batch) is spawned on tokio, as async-graphql
//! does by default, so nothing ever waits on a batch that nobody runs. The spawned batch
//! carries the caller's trace span (a tokio task-local does not cross `tokio::spawn`), so its
//! statements stay children of the request that asked for them.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use async_graphql::Response;
use async_graphql::dataloader::DataLoader;
use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextExecute};
use futures::StreamExt;
use futures::future::BoxFuture;
use futures::stream::FuturesUnordered;
use futures::task::{ArcWake, AtomicWaker, waker_ref};

/// The rows `loader` answers for `key` (a parent's children), each wrapped as its GraphQL
/// type; a key without rows has none: `load_list(&loaders.workers_at_center, id,
/// DisabilityWorker)`.
pub async fn load_list<K, T, W, L>(
    loader: &DataLoader<L>,
    key: K,
    wrap: impl FnMut(T) -> W,
) -> Result<Vec<W>, L::Error>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    L: async_graphql::dataloader::Loader<K, Value = Vec<T>>,
{
    let rows = loader.load_one(key).await?;
    Ok(rows.unwrap_or_default().into_iter().map(wrap).collect())
}

/// The row `loader` answers for an optional `key` (a nullable link to another record),
/// wrapped as its GraphQL type; `None` without a key or without a row:
/// `load_optional(&loaders.organization, self.0.organization_id, DisabilityOrganization)`.
pub async fn load_optional<K, T, W, L>(
    loader: &DataLoader<L>,
    key: Option<K>,
    wrap: impl FnOnce(T) -> W,
) -> Result<Option<W>, L::Error>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    L: async_graphql::dataloader::Loader<K, Value = T>,
{
    let Some(key) = key else {
        return Ok(None);
    };
    Ok(loader.load_one(key).await?.map(wrap))
}

/// The record a public id names, by its integer-keyed loader, wrapped as its GraphQL type
/// (an entity resolver); `NOT_FOUND` naming `what` when the id is not of `kind` or has no
/// row: `load_entity(&loaders.award, ids::AWARD, "youth award", &id, YouthAward)`.
pub async fn load_entity<T, W, L>(
    loader: &DataLoader<L>,
    kind: crate::ids::IdKind,
    what: &str,
    id: &str,
    wrap: impl FnOnce(T) -> W,
) -> Result<W, crate::ApiError>
where
    L: async_graphql::dataloader::Loader<i64, Value = T, Error = crate::ApiError>,
{
    let key = kind
        .parse(id)
        .ok_or_else(|| crate::ApiError::not_found(what, id))?;
    let row = loader.load_one(key).await?;
    row.map(wrap)
        .ok_or_else(|| crate::ApiError::not_found(what, id))
}

/// Federation entity resolvers by public id, each through an integer-keyed loader of the
/// subgraph's `loaders` ([`load_entity`]), as an object to merge into the root query
/// (`#[derive(MergedObject, Default)] pub struct Query(ListQuery, EntityQuery)`):
///
/// ```ignore
/// quntuan_kit::entity_lookups! {
///     EntityQuery, app: super::app, extends Region and ServiceCenter;
///     find_youth_award_by_id => YouthAward, award, ids::AWARD, "youth award";
/// }
/// ```
///
/// `app(ctx)` answers the subgraph's state, whose `loaders.award` loads the rows. The
/// object also resolves the crate's `Region { code }` and `ServiceCenter::new(id)`, hub's
/// entities the subgraph extends.
#[macro_export]
macro_rules! entity_lookups {
    (
        $(#[$meta:meta])* $name:ident, app: $app:path, extends $region:ident and $center:ident;
        $($find:ident => $ty:ident, $loader:ident, $kind:expr, $what:literal;)*
    ) => {
        $(#[$meta])*
        #[derive(Default)]
        pub struct $name;

        #[async_graphql::Object]
        impl $name {
            $(
                #[graphql(entity)]
                async fn $find(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                    id: async_graphql::ID,
                ) -> async_graphql::Result<$ty> {
                    Ok($crate::load_entity(&$app(ctx)?.loaders.$loader, $kind, $what, &id, $ty)
                        .await?)
                }
            )*

            /// hub's regions, extended with the organisation's figures: any code resolves
            /// (zeros for an unknown code).
            #[graphql(entity)]
            async fn find_region_by_code(&self, code: String) -> $region {
                $region { code }
            }

            /// hub's service centres, extended with what the organisation runs there.
            #[graphql(entity)]
            async fn find_service_center_by_id(&self, id: async_graphql::ID) -> $center {
                $center::new(id.0)
            }
        }
    };
}

/// The struct of a subgraph's loaders and its constructor, each loader named once with its
/// type and how it is made from the database (`db`, the name given after the struct's):
/// every field is a [`dataloader`] over the value after `=`.
///
/// ```ignore
/// quntuan_kit::loaders! {
///     /// All loaders of one schema.
///     pub(crate) struct Loaders(db) {
///         award: ById<award::Entity> = by_primary_key(db),
///         /// `Region.science` figures.
///         region_figures: LiveFigures = LiveFigures::new(db, FIGURE_SOURCES),
///     }
/// }
/// ```
#[macro_export]
macro_rules! loaders {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($db:ident) {
            $( $(#[$m:meta])* $field:ident: $loader:ty = $new:expr ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$m])* $vis $field: $crate::reexports::async_graphql::dataloader::DataLoader<$loader>, )*
        }

        impl $name {
            $vis fn new($db: &$crate::reexports::sea_orm::DatabaseConnection) -> $name {
                $name {
                    $( $field: $crate::dataloader($new), )*
                }
            }
        }
    };
}

/// `DataLoader::new(loader, ..)` with no timer: its batches run when the request stalls
/// (see the module documentation). Install [`Batching`] on the schema that uses it.
pub fn dataloader<T: Send + Sync + 'static>(loader: T) -> DataLoader<T> {
    DataLoader::new(loader, queue_batch).delay(Duration::ZERO)
}

/// The schema extension that runs each request's queued batches when the request stalls:
/// `Schema::build(..).extension(quntuan_kit::loader::Batching)`.
pub struct Batching;

impl ExtensionFactory for Batching {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(BatchingExtension)
    }
}

struct BatchingExtension;

#[async_trait::async_trait]
impl Extension for BatchingExtension {
    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        Batched::new(next.run(ctx, operation_name)).await
    }
}

type Batch = BoxFuture<'static, ()>;

/// Batches queued by the request being polled, not yet running.
#[derive(Default)]
struct Queue(Mutex<Vec<Batch>>);

impl Queue {
    fn push(&self, batch: Batch) {
        self.0
            .lock()
            .expect("the batch queue is never poisoned")
            .push(batch);
    }

    fn take(&self) -> Vec<Batch> {
        std::mem::take(&mut *self.0.lock().expect("the batch queue is never poisoned"))
    }
}

thread_local! {
    /// The queue of the request whose query future this thread is polling right now.
    static POLLING: RefCell<Option<Arc<Queue>>> = const { RefCell::new(None) };
}

/// The loaders' spawner: queue on the request being polled, or spawn when there is none.
fn queue_batch(batch: Batch) {
    let batch = POLLING.with(|polling| match polling.borrow().as_ref() {
        Some(queue) => {
            queue.push(batch);
            None
        }
        None => Some(batch),
    });
    if let Some(batch) = batch {
        tokio::spawn(quntuan_trace::with_current(batch));
    }
}

/// Wakes the request's task and remembers that the query future woke itself while polled
/// (a cooperative yield: more of the query will run at once, so it has not stalled).
#[derive(Default)]
struct SelfWake {
    woken: AtomicBool,
    task: AtomicWaker,
}

impl ArcWake for SelfWake {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        arc_self.woken.store(true, Ordering::SeqCst);
        arc_self.task.wake();
    }
}

/// A query future and the batches it waits on, polled together in one task.
struct Batched<'a> {
    query: BoxFuture<'a, Response>,
    queue: Arc<Queue>,
    running: FuturesUnordered<Batch>,
    wake: Arc<SelfWake>,
}

impl<'a> Batched<'a> {
    fn new(query: impl Future<Output = Response> + Send + 'a) -> Self {
        Batched {
            query: Box::pin(query),
            queue: Arc::default(),
            running: FuturesUnordered::new(),
            wake: Arc::default(),
        }
    }

    /// Polls the query with this request's queue installed for the loaders; `Err(())` when
    /// it is pending, with whether it woke itself.
    fn poll_query(&mut self, cx: &mut Context<'_>) -> Result<Response, bool> {
        self.wake.task.register(cx.waker());
        self.wake.woken.store(false, Ordering::SeqCst);
        let waker = waker_ref(&self.wake);
        let mut query_cx = Context::from_waker(&waker);
        let previous = POLLING.with(|polling| polling.replace(Some(self.queue.clone())));
        let polled = self.query.as_mut().poll(&mut query_cx);
        POLLING.with(|polling| *polling.borrow_mut() = previous);
        match polled {
            Poll::Ready(response) => Ok(response),
            Poll::Pending => Err(self.wake.woken.load(Ordering::SeqCst)),
        }
    }

    /// Polls the running batches (outside the queue: a batch that loads through another
    /// loader spawns it); true when one finished, which answers some of the query's loads.
    fn poll_running(&mut self, cx: &mut Context<'_>) -> bool {
        let mut finished = false;
        while let Poll::Ready(Some(())) = self.running.poll_next_unpin(cx) {
            finished = true;
        }
        finished
    }
}

impl Future for Batched<'_> {
    type Output = Response;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Response> {
        let this = self.get_mut();
        loop {
            let yielded = match this.poll_query(cx) {
                Ok(response) => return Poll::Ready(response),
                Err(yielded) => yielded,
            };
            loop {
                if this.poll_running(cx) {
                    break; // answers arrived: let the query move on before the next level
                }
                // Start the next level only when the query has stalled and the previous
                // level has answered, so each level is one batch per loader.
                if yielded || !this.running.is_empty() {
                    return Poll::Pending;
                }
                let queued = this.queue.take();
                if queued.is_empty() {
                    return Poll::Pending;
                }
                this.running.extend(queued);
            }
        }
    }
}

impl Drop for Batched<'_> {
    /// A request dropped midway (its client went away) may hold batches that other requests
    /// wait on, since loaders are shared: they run on without it.
    fn drop(&mut self) {
        let orphans = std::mem::take(&mut self.running)
            .into_iter()
            .chain(self.queue.take());
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            for batch in orphans {
                runtime.spawn(quntuan_trace::with_current(batch));
            }
        }
    }
}

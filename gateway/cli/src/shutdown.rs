//! Graceful shutdown: on SIGTERM (what Kubernetes and systemd send) or Ctrl-C the server stops
//! accepting connections, lets the requests in flight finish for at most the grace period,
//! then closes whatever is left.

use axum::Router;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;

/// Resolves on the first SIGTERM or Ctrl-C.
pub(crate) async fn signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

/// Serves `app` until a signal, then runs `at_signal` (which ends what would never end by
/// itself, subscriptions) and drains for at most `grace`.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    grace: Duration,
    at_signal: impl FnOnce() + Send + 'static,
) -> std::io::Result<()> {
    let (signalled, on_signal) = tokio::sync::oneshot::channel::<()>();
    let stop = async move {
        signal().await;
        eprintln!(
            "shutting down: no new connections; requests in flight have {} ms to finish",
            grace.as_millis()
        );
        at_signal();
        let _ = signalled.send(());
    };
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stop);
    let deadline = async move {
        if on_signal.await.is_ok() {
            tokio::time::sleep(grace).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        result = server.into_future() => {
            eprintln!("quntuan gateway stopped");
            result
        }
        () = deadline => {
            eprintln!("quntuan gateway stopped: the grace period ended with requests still in flight");
            Ok(())
        }
    }
}

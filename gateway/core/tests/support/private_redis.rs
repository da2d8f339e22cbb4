//! A Redis server of the test's own on a free 127.0.0.1 port, stopped and started at will
//! (the shared Redis is never touched), killed when dropped.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub(crate) struct PrivateRedis {
    pub(crate) port: u16,
    child: Option<Child>,
}

impl PrivateRedis {
    pub(crate) async fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("address").port();
        drop(listener);
        let mut redis = Self { port, child: None };
        redis.resume().await;
        redis
    }

    pub(crate) fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Starts the server again on the same port and waits until it accepts connections.
    pub(crate) async fn resume(&mut self) {
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server is installed");
        self.child = Some(child);
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!(
            "the private redis-server on port {} did not start",
            self.port
        );
    }

    /// Kills the server (as a crash would).
    pub(crate) fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.stop();
    }
}

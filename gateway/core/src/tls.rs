//! TLS for the gateway's outgoing requests (subgraphs, JSON Web Key Sets, supergraph and
//! trusted-document URLs): `https://` and `http://` on the same clients.
//!
//! rustls with the ring provider, the one the database client already builds (no second
//! crypto library, no C toolchain); Mozilla's root certificates compiled in (`webpki-roots`),
//! so the gateway verifies public servers the same way on every machine, including containers
//! without a CA bundle; and the PEM certificates of `tls.ca_file` for a private CA (a service
//! mesh, an internal identity provider).

use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

/// `tls` in the configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TlsSettings {
    /// PEM certificates trusted besides the public roots (one file, any number of them).
    pub ca_file: Option<PathBuf>,
}

/// The connector of every outgoing client: HTTP, or TLS for `https://` URLs.
pub type Connector = HttpsConnector<HttpConnector>;

/// What clients built from now on trust (see [`configure`]).
static CONFIGURED: RwLock<Option<Arc<ClientConfig>>> = RwLock::new(None);

/// The TLS client settings for `settings`; the error names the CA file and what is wrong.
pub fn client_config(settings: &TlsSettings) -> Result<Arc<ClientConfig>, String> {
    let mut roots: RootCertStore = webpki_roots::TLS_SERVER_ROOTS.iter().cloned().collect();
    if let Some(path) = &settings.ca_file {
        let what = |reason: String| format!("tls.ca_file {}: {reason}", path.display());
        let certificates = CertificateDer::pem_file_iter(path)
            .map_err(|e| what(e.to_string()))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| what(e.to_string()))?;
        if certificates.is_empty() {
            return Err(what("no PEM certificate in it".into()));
        }
        for certificate in certificates {
            roots
                .add(certificate)
                .map_err(|e| what(format!("not a CA certificate: {e}")))?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Makes `settings` what every client built afterwards trusts: the subgraph transport, the
/// supergraph and manifest sources, and the key set client (which is one per process, hence a
/// process-wide setting). `quntuan serve` calls it before it builds any of them.
pub fn configure(settings: &TlsSettings) -> Result<(), String> {
    let config = client_config(settings)?;
    *CONFIGURED.write().unwrap_or_else(|e| e.into_inner()) = Some(config);
    Ok(())
}

/// The configured TLS settings, or the public roots alone.
pub(crate) fn configured() -> Arc<ClientConfig> {
    if let Some(config) = CONFIGURED.read().unwrap_or_else(|e| e.into_inner()).clone() {
        return config;
    }
    client_config(&TlsSettings::default())
        .expect("the ring provider supports rustls's default protocol versions")
}

/// `http` (its timeouts and options kept) able to speak TLS with `config`.
pub fn connector_with(mut http: HttpConnector, config: Arc<ClientConfig>) -> Connector {
    // The TLS layer takes the `https://` URIs the plain connector would refuse.
    http.enforce_http(false);
    HttpsConnectorBuilder::new()
        .with_tls_config((*config).clone())
        .https_or_http()
        .enable_http1()
        .wrap_connector(http)
}

/// `http` able to speak TLS with the configured settings ([`configure`]).
pub fn connector(http: HttpConnector) -> Connector {
    connector_with(http, configured())
}

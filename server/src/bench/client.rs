//! A member as the benchmark drives them: their session cookie, sent with every call to
//! the same `/api/<endpoint>` server functions the browser posts to (form-encoded in,
//! JSON out), and the same server-rendered pages it loads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::stats::Recorder;

/// One HTTP connection pool shared by every virtual user; each member brings their own
/// cookie. With several servers (the two-server test) calls go to each in turn, so one
/// request's steps are served by different processes.
#[derive(Clone)]
pub struct Http {
    bases: Arc<[String]>,
    turn: Arc<AtomicUsize>,
    pub client: reqwest::Client,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub email: String,
    /// `hb_session=…`, as the server set it at sign-up.
    pub cookie: String,
}

/// Why a call failed: the status (0 when the request never got an answer) and the message.
#[derive(Debug)]
pub struct CallError {
    pub status: u16,
    pub message: String,
}

impl CallError {
    /// The error's kind for the report: status and the message without ids.
    pub fn kind(&self) -> String {
        let msg: String = self.message.chars().take(100).collect();
        format!("{} {}", self.status, msg)
    }
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {}: {}", self.status, self.message)
    }
}

impl Http {
    pub fn new(base: String) -> Result<Http, String> {
        Http::spread(vec![base])
    }

    /// A client that sends each call to the next of `bases` in turn.
    pub fn spread(bases: Vec<String>) -> Result<Http, String> {
        if bases.is_empty() {
            return Err("no server to call".into());
        }
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(512)
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Http {
            bases: bases.into(),
            turn: Arc::new(AtomicUsize::new(0)),
            client,
        })
    }

    /// The same client, calling only the `i`-th server (modulo their number).
    pub fn pinned(&self, i: usize) -> Http {
        let base = self.bases[i % self.bases.len()].clone();
        Http {
            bases: vec![base].into(),
            turn: Arc::new(AtomicUsize::new(0)),
            client: self.client.clone(),
        }
    }

    /// The server the next call goes to.
    fn base(&self) -> &str {
        let i = self.turn.fetch_add(1, Ordering::Relaxed) % self.bases.len();
        &self.bases[i]
    }

    /// The server's `/metrics`, as Prometheus text.
    pub async fn metrics(&self) -> Result<String, CallError> {
        let res = self
            .send_to_a_live_server(|base| self.client.get(format!("{base}/metrics")))
            .await?;
        let status = res.status().as_u16();
        let body = res.text().await.map_err(transport)?;
        if status != 200 {
            return Err(CallError {
                status,
                message: "/metrics did not answer".into(),
            });
        }
        Ok(body)
    }

    /// Signs a new member up and keeps the session cookie the server set.
    pub async fn signup(
        &self,
        name: &str,
        email: &str,
        password: &str,
    ) -> Result<Member, CallError> {
        let res = self
            .client
            .post(format!("{}/api/signup", self.base()))
            .form(&[
                ("display_name", name),
                ("email", email),
                ("password", password),
            ])
            .send()
            .await
            .map_err(transport)?;
        session_from(res, email).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Result<Member, CallError> {
        let res = self
            .client
            .post(format!("{}/api/login", self.base()))
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .map_err(transport)?;
        session_from(res, email).await
    }

    /// Calls a server function as `who`.
    pub async fn call<T: DeserializeOwned>(
        &self,
        who: &Member,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> Result<T, CallError> {
        let res = self
            .send_to_a_live_server(|base| {
                self.client
                    .post(format!("{base}/api/{endpoint}"))
                    .header(reqwest::header::COOKIE, &who.cookie)
                    .form(form)
            })
            .await?;
        let status = res.status().as_u16();
        let body = res.text().await.map_err(transport)?;
        if !(200..300).contains(&status) {
            return Err(CallError {
                status,
                message: error_message(&body),
            });
        }
        serde_json::from_str(&body).map_err(|e| CallError {
            status,
            message: format!(
                "unreadable answer ({e}): {}",
                body.chars().take(200).collect::<String>()
            ),
        })
    }

    /// Loads a server-rendered page as `who`; the body must be a whole HTML document.
    pub async fn page(&self, who: &Member, path: &str) -> Result<usize, CallError> {
        let res = self
            .send_to_a_live_server(|base| {
                self.client
                    .get(format!("{base}{path}"))
                    .header(reqwest::header::COOKIE, &who.cookie)
                    .header(reqwest::header::ACCEPT, "text/html")
            })
            .await?;
        let status = res.status().as_u16();
        let body = res.text().await.map_err(transport)?;
        // Streaming puts resolved data after the closing tag; the document must be whole.
        if status != 200 || !body.starts_with("<!DOCTYPE html>") || !body.contains("</html>") {
            return Err(CallError {
                status,
                message: format!("page {path} is not a whole document ({} bytes)", body.len()),
            });
        }
        Ok(body.len())
    }

    /// Sends to the next server; when it refuses the connection (it is down, so the call
    /// never reached it) tries the others, as a load balancer would. Any other failure is
    /// the caller's: the call may or may not have happened.
    async fn send_to_a_live_server(
        &self,
        build: impl Fn(&str) -> reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, CallError> {
        let mut last = None;
        for _ in 0..self.bases.len() {
            match build(self.base()).send().await {
                Err(e) if e.is_connect() => last = Some(e),
                other => return other.map_err(transport),
            }
        }
        Err(last.map(transport).unwrap_or_else(|| CallError {
            status: 0,
            message: "no server to call".into(),
        }))
    }

    /// [`Http::call`], timed and recorded under `action`.
    pub async fn timed<T: DeserializeOwned>(
        &self,
        rec: &mut Recorder,
        action: &'static str,
        who: &Member,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> Result<T, CallError> {
        recorded(rec, action, self.call(who, endpoint, form)).await
    }

    /// [`Http::page`], timed and recorded under `action`.
    pub async fn timed_page(
        &self,
        rec: &mut Recorder,
        action: &'static str,
        who: &Member,
        path: &str,
    ) -> Result<usize, CallError> {
        recorded(rec, action, self.page(who, path)).await
    }
}

/// Times `call` and records its latency, or its failure, under `action`.
async fn recorded<T>(
    rec: &mut Recorder,
    action: &'static str,
    call: impl std::future::Future<Output = Result<T, CallError>>,
) -> Result<T, CallError> {
    let started = Instant::now();
    let r = call.await;
    match &r {
        Ok(_) => rec.ok(action, started.elapsed()),
        Err(e) => {
            if e.status >= 500 {
                rec.server_errors += 1;
            }
            rec.error(action, e.kind())
        }
    }
    r
}

fn transport(e: reqwest::Error) -> CallError {
    CallError {
        status: 0,
        message: format!("no answer: {e}"),
    }
}

/// The message of an `AppError` body, or the body itself.
fn error_message(body: &str) -> String {
    match serde_json::from_str::<app::AppError>(body) {
        Ok(e) => e.to_string(),
        Err(_) => body.chars().take(200).collect(),
    }
}

async fn session_from(res: reqwest::Response, email: &str) -> Result<Member, CallError> {
    let status = res.status().as_u16();
    let cookie = res
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|v| v.starts_with(app::server::sessions::COOKIE_NAME))
        .map(str::to_owned);
    let body = res.text().await.map_err(transport)?;
    match cookie {
        Some(cookie) if (200..400).contains(&status) => Ok(Member {
            email: email.to_owned(),
            cookie,
        }),
        _ => Err(CallError {
            status,
            message: error_message(&body),
        }),
    }
}

/// The value of the unlabelled counter `name` in Prometheus text, if it is there.
pub fn counter_value(text: &str, name: &str) -> Option<f64> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(' ')?;
        if key == name {
            value.trim().parse().ok()
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::counter_value;

    #[test]
    fn reads_an_unlabelled_counter_and_nothing_that_only_starts_like_it() {
        let text = "# TYPE hourbank_x_total counter\n\
                    hourbank_x_total_more 7\n\
                    hourbank_x_total{kind=\"a\"} 5\n\
                    hourbank_x_total 12345\n";
        assert_eq!(counter_value(text, "hourbank_x_total"), Some(12345.0));
        assert_eq!(counter_value(text, "hourbank_y_total"), None);
    }
}

//! sas-core alone, with an HTTP stack of your choice: `ureq` as the client, and a tiny
//! `std::net` server on loopback standing in for the superapp backend. sas-core builds, signs,
//! verifies and parses; the two stacks only move bytes, converted to and from the `http` crate's
//! types.
//!
//! Run it with `cargo run -p sas-core --example custom_client`.

use std::error::Error;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sas_core::api::user::check_user;
use sas_core::auth::tc_signature;
use sas_core::crypto::SecretKey;
use sas_core::error::ApiError;
use sas_core::request::{IncomingRequest, OutgoingRequest};
use sas_core::response::{IncomingResponse, OutgoingResponse, Received, error_response};
use sas_core::time::UnixTime;

type BoxError = Box<dyn Error + Send + Sync>;

/// The SecretKey SAS and the superapp share (in production: from your configuration).
const SECRET_KEY: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";

fn main() -> Result<(), BoxError> {
    let received = run(SECRET_KEY)?;
    println!("user exists: {} (requestId {})", received.response.data, received.request_id);
    Ok(())
}

/// One call of API 1.1 (`/user/checkUser`), SAS → superapp, signed with `client_secret`.
pub(crate) fn run(client_secret: &str) -> Result<Received<check_user::Response>, BoxError> {
    // 1. The server: a listener on a free loopback port, answering one request in a thread.
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let server = std::thread::spawn(move || serve_one(&listener));

    // 2. The client builds and signs the request with sas-core: an `http::Request<Vec<u8>>`.
    //    The clock is yours to read; sas-core takes the time as an argument.
    let secret = SecretKey::new(client_secret)?;
    // TC-OpenId and TC-MiniAppID are given in plaintext; signing encrypts them.
    let request = check_user::Request::new("openid-1", "mpvc3tdaldpq7zpu", "user-42");
    let signing = tc_signature::Signing::new(now()?, &secret);
    let http_request = request.try_into_http_request(&base_url, &signing)?;

    // 3. ureq sends an `http::Request` as it is. Non-2xx answers are data here, not errors:
    //    sas-core reads the envelope of error answers too.
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(10)))
            .build(),
    );
    let response = agent.run(http_request)?;

    // 4. Back to `http::Response<Vec<u8>>`, then sas-core reads the envelope and the typed data.
    let (parts, mut body) = response.into_parts();
    let response = http::Response::from_parts(parts, body.read_to_vec()?);
    let received = check_user::Response::try_from_http_response(&response);

    server.join().map_err(|_| "the server thread panicked")??;
    Ok(received?)
}

/// The superapp's side: accept one connection, hand the request to sas-core, write its answer.
fn serve_one(listener: &TcpListener) -> Result<(), BoxError> {
    let (mut stream, _) = listener.accept()?;
    let request = read_request(&mut stream)?;

    // sas-core checks method, path and TC-Signature over the bytes received, then parses.
    let secret = SecretKey::new(SECRET_KEY)?;
    let verifying = tc_signature::Verifying::new(now()?, &secret);
    let response = match check_user::Request::try_from_http_request(&request, &verifying) {
        Ok(received) => {
            let exists = received.message.user_id == "user-42"; // your user store goes here
            check_user::Response::new(exists).try_into_http_response("req-1")?
        }
        Err(error) => {
            let status = error.status();
            error_response(&ApiError::new(status, status.as_str(), error.to_string()), "req-1")
        }
    };
    write_response(&mut stream, &response)?;
    Ok(())
}

/// Reads one HTTP/1.1 request (request line, headers, `Content-Length` body) into the `http`
/// crate's type: the shape any server framework hands you its requests in, or converts to.
fn read_request(stream: &mut TcpStream) -> Result<http::Request<Vec<u8>>, BoxError> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut request_line = line.split_whitespace();
    let method = request_line.next().ok_or("no method")?;
    let target = request_line.next().ok_or("no request target")?;
    let mut builder = http::Request::builder().method(method).uri(target);
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header)?;
        let Some((name, value)) = header.trim_end().split_once(':') else { break };
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse()?;
        }
        builder = builder.header(name, value.trim());
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(builder.body(body)?)
}

/// Writes an `http::Response<Vec<u8>>` as HTTP/1.1 and closes the connection.
fn write_response(
    stream: &mut TcpStream,
    response: &http::Response<Vec<u8>>,
) -> Result<(), BoxError> {
    let mut head = format!("HTTP/1.1 {}\r\n", response.status());
    for (name, value) in response.headers() {
        head.push_str(&format!("{name}: {}\r\n", value.to_str()?));
    }
    head.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n",
        response.body().len()
    ));
    stream.write_all(head.as_bytes())?;
    stream.write_all(response.body())?;
    Ok(())
}

/// The wall clock, as sas-core takes it.
fn now() -> Result<UnixTime, BoxError> {
    let millis = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    Ok(UnixTime::from_millis(u64::try_from(millis)?))
}

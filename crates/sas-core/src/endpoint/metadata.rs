//! Static facts about each entry of the spec, generated as `METADATA` constants.

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    /// An endpoint the superapp backend serves.
    Endpoint,
    /// A POST the superapp sends to a merchant's callback URL.
    Callback,
    /// A parameter object for the mini program's JS API.
    Frontend,
}

/// Who serves an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ServedBy {
    /// The superapp backend.
    Superapp,
    /// Whoever owns the callback URL (the merchant, through SAS).
    CallbackUrl,
    /// The mini program front end.
    MiniProgram,
}

/// Who sends an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Caller {
    /// SAS itself.
    Sas,
    /// A merchant or mini program backend, through SAS.
    Merchant,
    /// The superapp backend.
    Superapp,
    /// The merchant backend, for its own front end.
    MerchantBackend,
}

/// How an entry is authenticated (the schemes of `spec/sas.toml`): the HTTP schemes are the
/// types of [`crate::auth`] (an entry's `ApiRequest::Auth`), the front-end ones live in
/// [`crate::frontend`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthKind {
    /// `TC-Timestamp` + `TC-Signature`: SAS → superapp backend.
    TcSignature,
    /// `Authorization` with SHA256withRSA: merchant → superapp backend.
    MerchantRsa,
    /// Body `PaySig`, HMAC-SHA256 over the `SignData` string with the AppKey.
    PaySig,
    /// Query `pay_sig`, HMAC-SHA256 over the body with the AppKey.
    PaySigQuery,
    /// `TC-Signature` plus the RSA `TC-Callback-Signature`; the resource is AES-256-GCM sealed.
    PaymentCallback,
    /// `TC-Signature` plus the body's HMAC-SHA256 event signature.
    VirtualCallback,
    /// `paySign`, SHA256withRSA over the `wx.requestPayment` fields.
    JsapiPaySign,
    /// `paySig` and `signature`, HMAC-SHA256 over `signData`.
    VirtualPaymentSign,
}

/// A header, path, query, body or front-end parameter, as the spec describes it.
///
/// Built by generated code (which may live outside this crate, so the struct is not
/// `#[non_exhaustive]`); read it, don't build it: fields may be added in any release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldMeta {
    /// The wire name.
    pub name: &'static str,
    /// The Rust field name (empty for names the auth scheme owns and the struct lacks).
    pub rust_name: &'static str,
    /// Whether the vendor marks it required.
    pub required: bool,
    /// Whether the auth scheme computes or checks it.
    pub set_by_auth: bool,
    /// Other wire names accepted on input.
    pub aliases: &'static [&'static str],
    /// Whether `Debug` redacts it.
    pub secret: bool,
    /// Whether the header value travels encrypted under the SecretKey (lowercase hex of
    /// AES-ECB-PKCS#7): the field holds the plaintext, signing encrypts it, a verified request
    /// gives it back decrypted.
    pub encrypted: bool,
}

/// What the spec says about one entry: a constant `METADATA` in each module of [`crate::api`],
/// listed in [`crate::api::ENTRIES`].
///
/// Built by generated code (which may live outside this crate, so the struct is not
/// `#[non_exhaustive]`); read it, don't build it: fields may be added in any release.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metadata {
    /// The vendor section (`"1.1"`) or JS API name (`"wx.requestPayment"`): the spec's
    /// `section`.
    pub section: &'static str,
    /// The vendor's section heading.
    pub title: &'static str,
    /// One sentence saying what it does.
    pub summary: &'static str,
    /// The group module (`"user"`).
    pub group: &'static str,
    /// The entry module (`"check_user"`).
    pub module: &'static str,
    /// What it is.
    pub kind: EntryKind,
    /// The HTTP method: set for every endpoint and callback (the spec requires one), `None` for
    /// front-end parameter sets, which are not HTTP messages. Typed requests also carry it as
    /// [`ApiRequest::METHOD`](super::ApiRequest::METHOD).
    pub method: Option<http::Method>,
    /// The path template with `{params}`, for endpoints.
    pub path: Option<&'static str>,
    /// Who serves it.
    pub served_by: ServedBy,
    /// Who sends it.
    pub caller: Caller,
    /// How it is authenticated.
    pub auth: AuthKind,
    /// The literal, or `{field}`, before `&` in an HMAC-signed message.
    pub sign_prefix: Option<&'static str>,
    /// The section of the callback this request causes.
    pub triggers: Option<&'static str>,
    /// The section of the endpoint whose callback URL this callback goes to.
    pub callback_of: Option<&'static str>,
    /// Request headers.
    pub headers: &'static [FieldMeta],
    /// Path parameters.
    pub path_params: &'static [FieldMeta],
    /// Query parameters.
    pub query: &'static [FieldMeta],
    /// Top-level body fields.
    pub body: &'static [FieldMeta],
    /// Front-end parameters.
    pub params: &'static [FieldMeta],
}

impl Metadata {
    /// Whether this is an endpoint served by the superapp backend.
    pub fn is_endpoint(&self) -> bool {
        self.kind == EntryKind::Endpoint
    }

    /// Whether this is a callback to a merchant's URL.
    pub fn is_callback(&self) -> bool {
        self.kind == EntryKind::Callback
    }

    /// Whether this is a front-end parameter set.
    pub fn is_frontend(&self) -> bool {
        self.kind == EntryKind::Frontend
    }
}
